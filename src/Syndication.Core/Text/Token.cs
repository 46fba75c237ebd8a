namespace Syndication.Text;

/// <summary>A folded word and where it stands in the source text.</summary>
public readonly record struct Token(string Value, int Start, int End);
