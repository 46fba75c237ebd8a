namespace Syndication.Text;

/// <summary>
/// Word shingles: every run of <see cref="Size"/> consecutive words, hashed to 64 bits (stable across processes).
/// Five words are long enough that a shared shingle means shared text, short enough that an edited word only spoils
/// the five shingles around it. Each word is hashed once (FNV-1a), and a shingle combines its five word hashes in
/// order, so a page's shingles cost one pass over its text rather than five.
/// </summary>
public static class Shingles
{
    public const int Size = 5;

    public static ulong[] Of(IReadOnlyList<string> words)
    {
        var hashes = new ulong[words.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = WordHash(words[i]);
        }

        return Combine(hashes);
    }

    public static ulong[] Of(IReadOnlyList<Token> tokens)
    {
        var hashes = new ulong[tokens.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = WordHash(tokens[i].Value);
        }

        return Combine(hashes);
    }

    public static ulong[] Of(string text) => Of(Tokenizer.Tokenize(text));

    private static ulong WordHash(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong[] Combine(ulong[] words)
    {
        if (words.Length < Size)
        {
            return [];
        }

        var shingles = new ulong[words.Length - Size + 1];
        for (var i = 0; i < shingles.Length; i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = 0; j < Size; j++)
            {
                // Order matters ("a b" is not "b a"): multiply between words, then finish with a 64-bit mix.
                hash = (hash ^ words[i + j]) * 1099511628211UL;
                hash ^= hash >> 32;
            }

            shingles[i] = hash;
        }

        return shingles;
    }
}
