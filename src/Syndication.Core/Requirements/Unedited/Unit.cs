using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Requirements.Unedited;

/// <summary>One sentence of the original or of the republication: its text, its folded words, which of its characters are quoted.</summary>
internal sealed class Unit
{
    public Unit(string text, bool[] quoted)
    {
        Text = text;
        Tokens = WithSymbols(text, Tokenizer.Tokenize(text));
        Words = Tokens.Select(t => t.Value).ToList();
        Key = string.Join(' ', Words);
        Quoted = quoted;
    }

    public string Text { get; }

    public List<Token> Tokens { get; }

    public List<string> Words { get; }

    /// <summary>The folded words joined: two sentences are the same when their keys are.</summary>
    public string Key { get; }

    /// <summary>For each character of <see cref="Text"/>, whether it stands inside quotation marks.</summary>
    public bool[] Quoted { get; }

    /// <summary>The page block the sentence stands in (a republication's sentence); null for the original's.</summary>
    public TextBlock? Block { get; init; }

    /// <summary>Where a republication's sentence stands: inside the story's run, or before or after it.</summary>
    public Around Position { get; init; }

    /// <summary>What an original's sentence that may go is (a caption, the licensor's boilerplate, a related-stories line), else null.</summary>
    public string? MayDrop { get; init; }

    /// <summary>Whether word <paramref name="token"/> stands inside quotation marks.</summary>
    public bool IsQuoted(int token) => Tokens[token].Start < Quoted.Length && Quoted[Tokens[token].Start];

    public override string ToString() => Text;

    /// <summary>
    /// The words, with the symbols a reader reads as words ("%", "&amp;", "$") among them: "5%" and "5 percent" are
    /// one figure in two styles, "$450" and "450" are not the same sum.
    /// </summary>
    private static List<Token> WithSymbols(string text, List<Token> words)
    {
        if (text.AsSpan().IndexOfAny("%&$") < 0)
        {
            return words;
        }

        var tokens = new List<Token>(words);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '%' or '&' or '$')
            {
                tokens.Add(new Token(text[i].ToString(), i, i + 1));
            }
        }

        tokens.Sort((a, b) => a.Start.CompareTo(b.Start));
        return tokens;
    }
}

/// <summary>Where a republication's sentence stands relative to the story's run of paragraphs.</summary>
internal enum Around
{
    Within,
    Before,
    After,
}
