namespace Syndication.Rendering;

/// <summary>An element to outline in a screenshot: the requirement it decided, and its number in the rendered page.</summary>
public sealed record Outline(string Requirement, int ElementId, string Selector);
