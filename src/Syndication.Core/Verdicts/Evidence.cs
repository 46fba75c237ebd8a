namespace Syndication.Verdicts;

/// <summary>What was seen: where (a CSS selector path), a short outer-HTML snippet and the visible text.</summary>
public sealed record Evidence(string Selector, string Html, string Text, string? Note = null);
