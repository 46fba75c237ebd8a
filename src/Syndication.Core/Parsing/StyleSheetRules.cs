using AngleSharp.Css;
using AngleSharp.Css.Dom;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using Syndication.Text;

namespace Syndication.Parsing;

/// <summary>
/// Applies the page's own <c>&lt;style&gt;</c> rules that hide elements. A hiding rule loses to a later or more
/// specific rule that sets the same property to a visible value. Print-only and width-dependent media are skipped:
/// a reader on some screen sees the element.
/// </summary>
internal static class StyleSheetRules
{
    private sealed record Rule(ISelector Selector, string Property, string? HidingReason, Priority Specificity, int Order, string Text);

    /// <summary>A page element a style rule hides: which property hides it, and the reason a report shows.</summary>
    public sealed record Hiding(string Property, string Reason);

    /// <summary>
    /// The elements the page's own hiding rules hide, each with the first such rule that is not overridden. Rules are
    /// matched with their parsed selectors, element by element: a sheet is parsed once, however many pages share it.
    /// </summary>
    public static Dictionary<IElement, Hiding> HiddenElements(IDocument document, CssParser parser)
    {
        var rules = new List<Rule>();
        foreach (var style in document.QuerySelectorAll("style"))
        {
            var css = style.TextContent;
            if (string.IsNullOrWhiteSpace(css) || !MayHide(css))
            {
                continue;
            }

            foreach (var rule in Parsed(css, parser))
            {
                rules.Add(rule with { Order = rules.Count });
            }
        }

        var hiding = rules.Where(r => r.HidingReason is not null).ToList();
        var hidden = new Dictionary<IElement, Hiding>(ReferenceEqualityComparer.Instance);
        if (hiding.Count == 0)
        {
            return hidden;
        }

        foreach (var element in document.All)
        {
            foreach (var rule in hiding)
            {
                PageCost.Check();
                if (rule.Selector.Match(element, null) && !Overridden(rule, element, rules) && !IsLazyFadeIn(rule, element))
                {
                    hidden[element] = new Hiding(rule.Property, $"<style> rule {Shorten(rule.Text)}");
                    break;
                }
            }
        }

        return hidden;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<Rule>> Sheets = new(StringComparer.Ordinal);

    /// <summary>A style sheet's display/visibility/opacity rules, parsed once per distinct sheet: a partner's pages share them.</summary>
    private static List<Rule> Parsed(string css, CssParser parser)
    {
        if (Sheets.TryGetValue(css, out var known))
        {
            return known;
        }

        var rules = new List<Rule>();
        try
        {
            var order = 0;
            Collect(parser.ParseStyleSheet(css).Rules, rules, ref order);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            rules.Clear();
        }

        if (Sheets.Count > 256)
        {
            Sheets.Clear();
        }

        Sheets[css] = rules;
        return rules;
    }

    private static void Collect(ICssRuleList list, List<Rule> rules, ref int order)
    {
        foreach (var rule in list)
        {
            switch (rule)
            {
                case ICssStyleRule { Selector: not null, SelectorText: { } selectorText } styleRule when IsStatic(selectorText):
                    foreach (var property in CssHiding.Properties)
                    {
                        var value = styleRule.Style.GetPropertyValue(property);
                        if (!string.IsNullOrEmpty(value))
                        {
                            var reason = CssHiding.HidingValue(property, value);
                            rules.Add(new Rule(styleRule.Selector, property, reason, styleRule.Selector.Specificity, order++, $"{styleRule.SelectorText} {{ {property}: {value} }}"));
                        }
                    }

                    break;
                case ICssMediaRule media when AppliesOnScreen(media.Media.MediaText):
                    Collect(media.Rules, rules, ref order);
                    break;
            }
        }
    }

    /// <summary>Dynamic states and pseudo-elements do not hide the element itself as the page loads.</summary>
    private static bool IsStatic(string selector) =>
        !selector.Contains(":hover", StringComparison.Ordinal) && !selector.Contains(":focus", StringComparison.Ordinal)
        && !selector.Contains("::", StringComparison.Ordinal) && !selector.Contains(":before", StringComparison.Ordinal)
        && !selector.Contains(":after", StringComparison.Ordinal) && !selector.Contains(":active", StringComparison.Ordinal)
        && !selector.Contains(":target", StringComparison.Ordinal) && !selector.Contains(":checked", StringComparison.Ordinal);

    private static bool AppliesOnScreen(string media)
    {
        var m = media.Trim().ToLowerInvariant();
        if (m.Length == 0 || m is "all" or "screen" or "only screen")
        {
            return true;
        }

        // Print-only, or conditions on the viewport: some reader sees the element.
        return false;
    }

    private static bool Overridden(Rule hiding, IElement element, List<Rule> rules)
    {
        foreach (var rule in rules)
        {
            if (rule.HidingReason is not null || rule.Property != hiding.Property)
            {
                continue;
            }

            var stronger = rule.Specificity > hiding.Specificity || (rule.Specificity == hiding.Specificity && rule.Order > hiding.Order);
            if (stronger && rule.Selector.Match(element, null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Lazy-loading scripts fade images in from opacity 0 (".lazyload { opacity: 0 }"): not a hidden image.</summary>
    private static bool IsLazyFadeIn(Rule rule, IElement element) =>
        rule.Property == "opacity"
        && (rule.Text.Contains("lazy", StringComparison.OrdinalIgnoreCase) || element.HasAttribute("data-src") || element.HasAttribute("data-lazy-src"));

    private static bool MayHide(string css) =>
        css.Contains("none", StringComparison.OrdinalIgnoreCase) || css.Contains("hidden", StringComparison.OrdinalIgnoreCase)
        || css.Contains("collapse", StringComparison.OrdinalIgnoreCase) || css.Contains("opacity", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => TextShortening.End(text, 120);
}
