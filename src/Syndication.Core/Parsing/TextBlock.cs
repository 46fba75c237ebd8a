using AngleSharp.Dom;
using Syndication.Text;

namespace Syndication.Parsing;

/// <summary>
/// The text a block element shows of its own (nested blocks are their own blocks), line by line as
/// <c>&lt;br&gt;</c> breaks it. Hidden text is kept apart so checks can say "present but hidden".
/// </summary>
public sealed class TextBlock
{
    private List<Token>? _tokens;
    private List<Token>[]? _lineTokens;
    private List<Token>? _hiddenTokens;
    private ulong[]? _shingles;

    public TextBlock(IElement element, int order, string text, string hiddenText, string? hiddenReason)
    {
        Element = element;
        Order = order;
        Text = text;
        HiddenText = hiddenText;
        HiddenReason = hiddenReason;
        Lines = text.Length == 0 ? [] : text.Split('\n');
    }

    public IElement Element { get; }

    /// <summary>The element's document-order number.</summary>
    public int Order { get; }

    /// <summary>Visible text, white space collapsed, lines joined by '\n'.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>Text a reader cannot see (hidden descendants, or the whole block when it is hidden).</summary>
    public string HiddenText { get; }

    /// <summary>Why <see cref="HiddenText"/> is hidden (the first reason met).</summary>
    public string? HiddenReason { get; }

    public List<Token> Tokens => _tokens ??= Tokenizer.Tokenize(Text);

    /// <summary>The tokens of <see cref="HiddenText"/>, computed once: every reporter and the licensor's names are looked for there.</summary>
    public List<Token> HiddenTokens => _hiddenTokens ??= Tokenizer.Tokenize(HiddenText);

    /// <summary>
    /// The tokens of line <paramref name="line"/> of <see cref="Lines"/>, offsets within that line: a slice of
    /// <see cref="Tokens"/> (no word spans a '\n'), so checks that read line by line do not tokenize the text again.
    /// </summary>
    public IReadOnlyList<Token> LineTokens(int line) => (_lineTokens ??= SliceLines())[line];

    public ulong[] Shingles => _shingles ??= Syndication.Text.Shingles.Of(Tokens);

    public int WordCount => Tokens.Count;

    public override string ToString() => Text;

    private List<Token>[] SliceLines()
    {
        var slices = new List<Token>[Lines.Count];
        var tokens = Tokens;
        var t = 0;
        var lineStart = 0;
        for (var i = 0; i < Lines.Count; i++)
        {
            var lineEnd = lineStart + Lines[i].Length;
            var slice = new List<Token>();
            for (; t < tokens.Count && tokens[t].Start < lineEnd; t++)
            {
                var token = tokens[t];
                if (token.End > lineEnd)
                {
                    // A word run across the break (a lone surrogate before it) would tokenize differently alone.
                    return [.. Lines.Select(Tokenizer.Tokenize)];
                }

                slice.Add(token with { Start = token.Start - lineStart, End = token.End - lineStart });
            }

            slices[i] = slice;
            lineStart = lineEnd + 1;
        }

        return slices;
    }
}
