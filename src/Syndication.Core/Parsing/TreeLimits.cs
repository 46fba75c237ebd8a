using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// Stops a parse as soon as the tree goes past <see cref="PageCost.MaxDepth"/> or <see cref="PageCost.MaxElements"/>,
/// from the parser's element-created callback: a page of 100,000 nested elements costs AngleSharp minutes (its stack
/// of open elements is searched for every tag), and stopped at the limit it costs a millisecond. The callback sees an
/// element before it is inserted, so the depth checked is the one of the element created before it.
/// </summary>
internal sealed class TreeLimits
{
    [ThreadStatic]
    private static TreeLimits? _current;

    private IElement? _previous;
    private int _count;

    /// <summary>Parses under the limits; throws <see cref="PageTooComplexException"/> when the page is over one.</summary>
    public static IDocument Parse(Func<IDocument> parse)
    {
        var outer = _current;
        var limits = _current = new TreeLimits();
        try
        {
            var document = parse();
            limits.CheckPrevious();
            return document;
        }
        finally
        {
            _current = outer;
        }
    }

    /// <summary>The parser's OnCreated callback.</summary>
    public static void Created(IElement element, AngleSharp.Text.TextPosition position) => _current?.Add(element);

    private void Add(IElement element)
    {
        if (++_count > PageCost.MaxElements)
        {
            throw new PageTooComplexException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the page has more than {PageCost.MaxElements:N0} elements"));
        }

        CheckPrevious();
        _previous = element;
        PageCost.Check();
    }

    private void CheckPrevious()
    {
        if (_previous is { } previous && DepthOf(previous) >= PageCost.MaxDepth)
        {
            throw new PageTooComplexException($"the page nests elements {PageCost.MaxDepth} levels deep, where browsers stop nesting them");
        }
    }

    /// <summary>
    /// The element's depth (the root is 1), counted up its parents and no further than the limit: a few pointer steps an
    /// element on a real page, and at most the limit's on a hostile one (cheaper than remembering every element's depth).
    /// </summary>
    private static int DepthOf(IElement element)
    {
        var depth = 1;
        for (var parent = element.ParentElement; parent is not null && depth < PageCost.MaxDepth; parent = parent.ParentElement)
        {
            depth++;
        }

        return depth;
    }
}
