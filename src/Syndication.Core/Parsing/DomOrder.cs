using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// Document-order numbers for every element (pre-order) and the number of each element's last descendant,
/// so "is X inside Y" and "does X come before Y" are O(1). Built without recursion: pages nest thousands deep.
/// </summary>
public sealed class DomOrder
{
    private readonly Dictionary<IElement, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly List<IElement> _elements = [];
    private readonly List<int> _end = [];

    public DomOrder(IDocument document)
    {
        if (document.DocumentElement is not { } root)
        {
            return;
        }

        var stack = new Stack<(IElement Element, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (element, exit) = stack.Pop();
            PageCost.Check();
            if (exit)
            {
                _end[_index[element]] = _elements.Count - 1;
                continue;
            }

            _index[element] = _elements.Count;
            _elements.Add(element);
            _end.Add(_elements.Count - 1);
            stack.Push((element, true));
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    stack.Push((child, false));
                }
            }
        }
    }

    public IReadOnlyList<IElement> Elements => _elements;

    public int Count => _elements.Count;

    public int IndexOf(IElement element) => _index.TryGetValue(element, out var i) ? i : -1;

    /// <summary>The document-order number of the last element inside <paramref name="element"/> (itself when it has none).</summary>
    public int EndOf(IElement element) => _end[_index[element]];

    public bool Contains(IElement ancestor, IElement node)
    {
        var a = IndexOf(ancestor);
        var n = IndexOf(node);
        return a >= 0 && n >= a && n <= _end[a];
    }

    public IElement this[int index] => _elements[index];
}
