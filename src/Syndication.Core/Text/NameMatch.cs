namespace Syndication.Text;

/// <summary>Where a name stands in a text (character offsets into that text).</summary>
public readonly record struct NameMatch(int Start, int End, NameMatchKind Kind);
