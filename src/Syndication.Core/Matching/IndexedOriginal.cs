using Syndication.Originals;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Matching;

/// <summary>An original prepared for matching: its paragraphs' shingles and the set of all of them.</summary>
public sealed class IndexedOriginal
{
    public IndexedOriginal(int id, Original original, IReadOnlyList<IndexedParagraph> paragraphs)
    {
        Id = id;
        Original = original;
        Paragraphs = paragraphs;
        AllShingles = [.. paragraphs.SelectMany(p => p.Shingles)];
        ContentShingleCount = paragraphs.Where(p => !p.IsBoilerplate).Sum(p => p.Shingles.Count);
        FoldedParagraphs = [.. paragraphs.Where(p => p.Words.Count > 0).Select(p => string.Join(' ', p.Words))];
    }

    public int Id { get; }

    public Original Original { get; }

    public IReadOnlyList<IndexedParagraph> Paragraphs { get; }

    public HashSet<ulong> AllShingles { get; }

    /// <summary>Shingles of the story itself (boilerplate left out).</summary>
    public int ContentShingleCount { get; }

    /// <summary>Each paragraph's folded words, to recognise short paragraphs that have no shingle.</summary>
    public HashSet<string> FoldedParagraphs { get; }

    /// <summary>Cuts an original's paragraphs into words and shingles; the profile tells its licensing boilerplate.</summary>
    public static IndexedOriginal From(int id, Original original, LicenceProfile profile)
    {
        var paragraphs = original.Paragraphs
            .Select(p =>
            {
                var words = Tokenizer.Words(p);
                return new IndexedParagraph(p, words, [.. Shingles.Of(words)], profile.IsBoilerplate(p));
            })
            .ToList();
        return new IndexedOriginal(id, original, paragraphs);
    }
}
