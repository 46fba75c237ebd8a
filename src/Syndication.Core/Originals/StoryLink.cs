namespace Syndication.Originals;

/// <summary>A link in an original's story: where it points (absolute when the source let it be resolved) and its words.</summary>
public sealed record StoryLink(string Href, string Text);
