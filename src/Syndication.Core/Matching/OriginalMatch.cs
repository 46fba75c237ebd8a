using Syndication.Parsing;

namespace Syndication.Matching;

/// <summary>Which original a page republishes, how much of it (share of the story's shingles found), and the page blocks that hold it.</summary>
public sealed record OriginalMatch(
    IndexedOriginal Original,
    double Score,
    int MatchedParagraphs,
    IReadOnlyList<TextBlock> MatchedBlocks);
