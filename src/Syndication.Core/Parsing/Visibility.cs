using System.Collections.Concurrent;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// Which elements a reader cannot see, and why: the <c>hidden</c> attribute, inline styles, the page's own
/// <c>&lt;style&gt;</c> rules (screen media, overrides by later or more specific rules respected), the
/// visually-hidden classes of common frameworks, closed <c>&lt;details&gt;</c>. External stylesheets are not read.
/// </summary>
public sealed class Visibility
{
    private static readonly HashSet<string> HiddenClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "sr-only", "screen-reader-text", "screen-reader-only", "visually-hidden", "visuallyhidden", "hidden",
        "d-none", "hide", "is-hidden", "invisible", "u-hidden", "element-invisible", "a11y-hidden", "offscreen",
        "hidden-visually", "assistive-text", "sr-text",
    };

    private readonly Dictionary<IElement, string> _hidden = new(ReferenceEqualityComparer.Instance);

    private Visibility(Dictionary<IElement, string> hidden) => _hidden = hidden;

    /// <summary>
    /// A rendered page's visibility: what the browser decided from computed styles and boxes (the marks
    /// <see cref="RenderedMarks"/> reads), instead of this class's estimate from the markup.
    /// </summary>
    public static Visibility FromMarks(IReadOnlyDictionary<IElement, string> hidden) =>
        new(new Dictionary<IElement, string>(hidden, ReferenceEqualityComparer.Instance));

    public Visibility(IDocument document)
    {
        var cssParser = Parsers.Css;
        var sheetHidden = StyleSheetRules.HiddenElements(document, cssParser);
        var stack = new Stack<(IElement Element, string? Inherited)>();
        if (document.DocumentElement is { } root)
        {
            stack.Push((root, null));
        }

        while (stack.Count > 0)
        {
            var (element, inherited) = stack.Pop();
            PageCost.Check();
            var reason = inherited ?? OwnReason(element, cssParser, sheetHidden);
            if (reason is not null)
            {
                _hidden[element] = reason;
            }

            var closedDetails = element.LocalName == "details" && !element.HasAttribute("open");
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is not IElement child)
                {
                    continue;
                }

                var childInherited = reason ?? (closedDetails && child.LocalName != "summary" ? "inside a closed <details>" : null);
                stack.Push((child, childInherited));
            }
        }
    }

    public bool IsHidden(IElement element) => _hidden.ContainsKey(element);

    /// <summary>Why the element is hidden (its own rule or an ancestor's), or null when visible.</summary>
    public string? ReasonFor(IElement element) => _hidden.GetValueOrDefault(element);

    private static string? OwnReason(IElement element, CssParser parser, Dictionary<IElement, StyleSheetRules.Hiding> sheetHidden)
    {
        if (element.LocalName is "html" or "body")
        {
            // Hiding the whole page is an anti-flicker or frame-busting trick that a script undoes.
            return null;
        }

        if (element.HasAttribute("hidden"))
        {
            return "hidden attribute";
        }

        if (element.LocalName == "input" && string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase))
        {
            return "hidden input";
        }

        var inline = element.GetAttribute("style");
        var inlineStyle = string.IsNullOrWhiteSpace(inline) ? null : InlineStyle(inline, parser);
        if (inlineStyle?.Reason is { } inlineReason)
        {
            return $"inline style {inlineReason}";
        }

        // An inline style that sets the property the rule hides with wins over the rule.
        if (sheetHidden.TryGetValue(element, out var sheet) && inlineStyle?.SetProperties.Contains(sheet.Property) != true)
        {
            return sheet.Reason;
        }

        if (HiddenClass(element) is { } cls)
        {
            return $"class \"{cls}\" (hidden by common CSS frameworks)";
        }

        return null;
    }

    /// <summary>What an inline style says about hiding: a page repeats the same few style attributes many times.</summary>
    private sealed record InlineFacts(string? Reason, string[] SetProperties);

    private static readonly ConcurrentDictionary<string, InlineFacts> InlineStyles = new(StringComparer.Ordinal);

    private static InlineFacts InlineStyle(string inline, CssParser parser)
    {
        if (InlineStyles.TryGetValue(inline, out var known))
        {
            return known;
        }

        var declaration = parser.ParseDeclaration(inline);
        var facts = declaration is null
            ? new InlineFacts(null, [])
            : new InlineFacts(CssHiding.Reason(declaration), [.. CssHiding.Properties.Where(p => !string.IsNullOrEmpty(declaration.GetPropertyValue(p)))]);
        if (InlineStyles.Count > 4096)
        {
            InlineStyles.Clear();
        }

        InlineStyles[inline] = facts;
        return facts;
    }

    private static string? HiddenClass(IElement element) => ClassNames.Ask(element, nameof(Visibility), HiddenClass);

    private static string? HiddenClass(string[] classes)
    {
        string? hiddenClass = null;
        foreach (var c in classes)
        {
            if (HiddenClasses.Contains(c))
            {
                hiddenClass = c;
            }
        }

        if (hiddenClass is null)
        {
            return null;
        }

        // "d-none d-md-block" or "hidden md:block": hidden on small screens only, seen on a desktop.
        foreach (var c in classes)
        {
            if (c.Contains(':', StringComparison.Ordinal) || (c.StartsWith("d-", StringComparison.Ordinal) && c != "d-none" && !c.EndsWith("-none", StringComparison.Ordinal))
                || c.StartsWith("visible-", StringComparison.Ordinal))
            {
                return null;
            }
        }

        return hiddenClass;
    }
}
