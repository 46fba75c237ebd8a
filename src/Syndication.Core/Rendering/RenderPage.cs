using Syndication.Fetching;

namespace Syndication.Rendering;

/// <summary>A fetched page to render: its bytes (the browser is given exactly these) and its partner's robots setting.</summary>
public sealed record RenderPage(FetchedPage Document, bool IgnoreRobots);
