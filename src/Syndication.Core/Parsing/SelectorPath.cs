using System.Collections.Concurrent;
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
    /// Per document, each id asked about: the element it finds and how many elements carry it. Evidence paths of one
    /// page climb through the same few ids, and each answer costs a walk of the whole document. Parsed pages are
    /// not changed afterwards, so the answers hold; the table lets go of a document once it is collected.
    /// </summary>
    private static readonly ConditionalWeakTable<IDocument, ConcurrentDictionary<string, (IElement? First, int Count)>> IdsSeen = new();

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
        var builder = new StringBuilder(e.LocalName);
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

        var ids = IdsSeen.GetValue(e.Owner, static _ => new ConcurrentDictionary<string, (IElement? First, int Count)>(StringComparer.Ordinal));
        var (first, count) = ids.GetOrAdd(id, static (id, document) => (document.GetElementById(id), document.QuerySelectorAll("[id='" + id + "']").Length), e.Owner);
        return ReferenceEquals(first, e) && count == 1;
    }

    [GeneratedRegex("^-?[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Ident();
}
