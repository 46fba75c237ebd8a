using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>A parsed page and what every later stage needs of it, computed once.</summary>
public sealed class PageDocument
{
    private readonly Dictionary<IElement, TextBlock> _blockOf;
    private ElementStats? _stats;
    private Dictionary<string, List<int>>? _words;

    public PageDocument(IDocument document, string encodingName, string encodingSource, RenderedMarks? rendered = null)
    {
        Document = document;
        EncodingName = encodingName;
        EncodingSource = encodingSource;
        Rendered = rendered;
        Order = new DomOrder(document);
        Visibility = rendered is null ? new Visibility(document) : Visibility.FromMarks(rendered.Hidden);
        Blocks = TextBlockReader.Read(document, Order, Visibility);
        _blockOf = new Dictionary<IElement, TextBlock>(ReferenceEqualityComparer.Instance);
        foreach (var block in Blocks)
        {
            _blockOf[block.Element] = block;
        }
    }

    public IDocument Document { get; }

    /// <summary>For a page a browser rendered: which elements it saw hidden, and how to find each element again in it; else null.</summary>
    public RenderedMarks? Rendered { get; }

    /// <summary>Text and link totals per element, computed on first use.</summary>
    public ElementStats Stats => _stats ??= new ElementStats(Order);

    public string EncodingName { get; }

    public string EncodingSource { get; }

    public DomOrder Order { get; }

    public Visibility Visibility { get; }

    /// <summary>Every block with text, in document order.</summary>
    public IReadOnlyList<TextBlock> Blocks { get; }

    public TextBlock? BlockOf(IElement element) => _blockOf.GetValueOrDefault(element);

    /// <summary>
    /// The blocks whose visible text holds any of the words (folded), in document order: checks look names up here
    /// instead of reading every line of the page.
    /// </summary>
    public IEnumerable<TextBlock> BlocksWithAnyWord(IEnumerable<string> words)
    {
        _words ??= BuildWordIndex();
        var found = new SortedSet<int>();
        foreach (var word in words)
        {
            if (_words.TryGetValue(word, out var blocks))
            {
                found.UnionWith(blocks);
            }
        }

        return found.Select(i => Blocks[i]);
    }

    private Dictionary<string, List<int>> BuildWordIndex()
    {
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < Blocks.Count; i++)
        {
            foreach (var token in Blocks[i].Tokens)
            {
                if (!index.TryGetValue(token.Value, out var list))
                {
                    index[token.Value] = list = [];
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        return index;
    }

    /// <summary>The block whose own text contains this element's text: the element itself or its nearest block ancestor.</summary>
    public TextBlock? EnclosingBlock(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (_blockOf.TryGetValue(e, out var block))
            {
                return block;
            }

            if (TextBlockReader.IsBlock(e))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The page's title as the browser shows it, and og:title.</summary>
    public string? Title => Document.Title;
}
