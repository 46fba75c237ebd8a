namespace Syndication.Text;

/// <summary>
/// Word shingles: every run of <see cref="Size"/> consecutive words, hashed to 64 bits (FNV-1a, stable across
/// processes). Five words are long enough that a shared shingle means shared text, short enough that an edited
/// word only spoils the five shingles around it.
/// </summary>
public static class Shingles
{
    public const int Size = 5;

    public static ulong[] Of(IReadOnlyList<string> words)
    {
        if (words.Count < Size)
        {
            return [];
        }

        var hashes = new ulong[words.Count - Size + 1];
        for (var i = 0; i < hashes.Length; i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = 0; j < Size; j++)
            {
                foreach (var c in words[i + j])
                {
                    hash = (hash ^ c) * 1099511628211UL;
                }

                hash = (hash ^ ' ') * 1099511628211UL;
            }

            hashes[i] = hash;
        }

        return hashes;
    }

    public static ulong[] Of(string text) => Of(Tokenizer.Words(text));
}
