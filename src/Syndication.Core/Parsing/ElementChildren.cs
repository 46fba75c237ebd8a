using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// An element's child elements in one pass over its child nodes. AngleSharp's <c>Children</c> is a live collection
/// whose indexer walks from the start, so indexing it in a loop is quadratic on a parent with thousands of children.
/// </summary>
public static class ElementChildren
{
    public static List<IElement> Of(IElement element)
    {
        var nodes = element.ChildNodes;
        var children = new List<IElement>(nodes.Length);
        foreach (var node in nodes)
        {
            if (node is IElement child)
            {
                children.Add(child);
            }
        }

        return children;
    }
}
