using Syndication.Text;

namespace Syndication.Matching;

/// <summary>
/// The shingles of an original that the index keeps: winnowing (Schleimer, Wilkerson and Aiken, SIGMOD 2003) over
/// each paragraph's shingles, in order. Of every <see cref="Window"/> consecutive shingles the smallest (after a
/// mix) is kept, so any run of that many shingles a page shares with a paragraph holds a kept one, and a paragraph
/// shorter than the window keeps its smallest. About 2 / (Window + 1) of the shingles are kept: a catalogue of
/// 50,000 originals fits in tens of megabytes, while a page still looks up every shingle it has.
/// </summary>
public static class Fingerprints
{
    public const int Window = 16;

    /// <summary>The version of this scheme (and of the tokenizer and shingles under it) that stored fingerprints were made with.</summary>
    public const string Version = "winnow-16/shingle-5/v1";

    /// <summary>A well-spread 64-bit value for a shingle (SplitMix64's finaliser), so its top bits address the index evenly.</summary>
    public static ulong Mix(ulong shingle)
    {
        var z = shingle + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The distinct mixed fingerprints of an original's paragraphs.</summary>
    public static ulong[] Of(IEnumerable<string> paragraphs)
    {
        var kept = new HashSet<ulong>();
        foreach (var paragraph in paragraphs)
        {
            var shingles = Shingles.Of(Tokenizer.Words(paragraph));
            for (var i = 0; i < shingles.Length; i++)
            {
                shingles[i] = Mix(shingles[i]);
            }

            Winnow(shingles, kept);
        }

        return [.. kept];
    }

    /// <summary>Keeps the smallest value of each window (the rightmost, when equal), and of a paragraph shorter than one window.</summary>
    private static void Winnow(ulong[] values, HashSet<ulong> kept)
    {
        if (values.Length == 0)
        {
            return;
        }

        var windows = Math.Max(1, values.Length - Window + 1);
        var width = Math.Min(Window, values.Length);
        var chosen = -1;
        for (var start = 0; start < windows; start++)
        {
            if (chosen < start)
            {
                // The last choice left the window: find the smallest of the new one.
                chosen = start;
                for (var i = start + 1; i < start + width; i++)
                {
                    if (values[i] <= values[chosen])
                    {
                        chosen = i;
                    }
                }
            }
            else if (values[start + width - 1] <= values[chosen])
            {
                chosen = start + width - 1;
            }

            kept.Add(values[chosen]);
        }
    }
}
