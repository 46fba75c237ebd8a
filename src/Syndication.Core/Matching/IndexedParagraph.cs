namespace Syndication.Matching;

/// <summary>One paragraph of an original, with its shingles.</summary>
public sealed record IndexedParagraph(string Text, IReadOnlyList<string> Words, HashSet<ulong> Shingles, bool IsBoilerplate);
