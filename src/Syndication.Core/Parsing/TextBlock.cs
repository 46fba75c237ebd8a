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

    public ulong[] Shingles => _shingles ??= Syndication.Text.Shingles.Of(Tokens.Select(t => t.Value).ToList());

    public int WordCount => Tokens.Count;

    public override string ToString() => Text;
}
