using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// A CSS selector that finds exactly this element, readable by a person: from the nearest ancestor with a unique
/// id, each step its tag, its first class and, where siblings share the tag, <c>:nth-of-type</c>.
/// </summary>
public static partial class SelectorPath
{
    /// <summary>
    /// Per document, every id: the element it finds (the first in tree order) and how many elements carry it, counted
    /// in one walk of the document the first time a path asks. Parsed pages are not changed afterwards, so the
    /// counts hold; the table lets go of a document once it is collected.
    /// </summary>
    private static readonly ConditionalWeakTable<IDocument, Dictionary<string, (IElement First, int Count)>> Ids = new();

    public static string For(IElement element)
    {
        var steps = new List<string>();
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsUniqueId(e))
            {
                steps.Add("#" + e.Id);
                break;
            }

            steps.Add(Step(e));
            if (e.LocalName is "html" or "body")
            {
                break;
            }
        }

        steps.Reverse();
        return string.Join(" > ", steps);
    }

    private static string Step(IElement e)
    {
        var builder = new StringBuilder(TagName(e.LocalName));
        var firstClass = ClassNames.Ask(e, nameof(SelectorPath), classes => classes.FirstOrDefault(c => Ident().IsMatch(c)));
        if (firstClass is not null)
        {
            builder.Append('.').Append(firstClass);
        }

        if (e.ParentElement is { } parent)
        {
            var sameTag = 0;
            var position = 0;
            foreach (var sibling in ElementChildren.Of(parent))
            {
                if (sibling.LocalName == e.LocalName)
                {
                    sameTag++;
                    if (ReferenceEquals(sibling, e))
                    {
                        position = sameTag;
                    }
                }
            }

            if (sameTag > 1)
            {
                builder.Append(":nth-of-type(").Append(position).Append(')');
            }
        }

        return builder.ToString();
    }

    private static bool IsUniqueId(IElement e)
    {
        var id = e.Id;
        if (string.IsNullOrEmpty(id) || !Ident().IsMatch(id) || e.Owner is null)
        {
            return false;
        }

        return Ids.GetValue(e.Owner, CountIds).TryGetValue(id, out var seen) && ReferenceEquals(seen.First, e) && seen.Count == 1;
    }

    /// <summary>A tag name as a selector must spell it: markup such as &lt;a0:nav&gt; has characters CSS must escape.</summary>
    private static string TagName(string name)
    {
        if (Ident().IsMatch(name))
        {
            return name;
        }

        var escaped = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or >= '\u0080'))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static Dictionary<string, (IElement First, int Count)> CountIds(IDocument document)
    {
        var ids = new Dictionary<string, (IElement First, int Count)>(StringComparer.Ordinal);
        foreach (var element in document.All)
        {
            if (element.Id is { Length: > 0 } id)
            {
                ids[id] = ids.TryGetValue(id, out var seen) ? (seen.First, seen.Count + 1) : (element, 1);
            }
        }

        return ids;
    }

    [GeneratedRegex("^-?[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Ident();
}
