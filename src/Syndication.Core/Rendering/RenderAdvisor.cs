using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Parsing;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Rendering;

/// <summary>
/// <c>--render auto</c>: whether the fetched HTML can be trusted, from the page's structure. A page is rendered when it
/// looks built by scripts (no original's text found, little text to read, scripts present, and an empty mount point,
/// a &lt;noscript&gt; notice about JavaScript or a JSON state blob), or when a decision rests on what stylesheets the
/// parser did not read could change (a requirement passed, or an element was taken as hidden from its class name alone,
/// on a page that links external stylesheets).
/// </summary>
public static partial class RenderAdvisor
{
    /// <summary>Fewer visible words than this and the page carries no story a reader could read.</summary>
    private const int ShellWords = 150;

    /// <summary>Why the page should be rendered, or null when its fetched HTML says enough.</summary>
    public static string? Why(PageDocument page, PageResult result)
    {
        if (result.Verdict == PageVerdict.Error)
        {
            return null;
        }

        if (result.Original is null && ScriptBuilt(page) is { } shell)
        {
            return $"the page looks built by scripts ({shell})";
        }

        var sheets = ExternalStylesheets(page.Document);
        if (sheets == 0)
        {
            return null;
        }

        var passed = result.Requirements.Where(r => r.Status == Outcome.Pass).Select(r => r.Id).ToList();
        if (passed.Count > 0)
        {
            return $"{string.Join(", ", passed)} passed on elements that {Sheets(sheets)} the parser does not read could hide";
        }

        return GuessedHidden(page) is { } guessed
            ? $"{guessed} was taken as hidden from its class name alone; {Sheets(sheets)} the parser does not read decide"
            : null;
    }

    private static string Sheets(int count) => count == 1 ? "1 external stylesheet" : $"{count} external stylesheets";

    /// <summary>What makes the page look like an application shell, or null.</summary>
    public static string? ScriptBuilt(PageDocument page)
    {
        var words = page.Blocks.Sum(b => b.Tokens.Count);
        if (words >= ShellWords)
        {
            return null;
        }

        var scripts = page.Document.QuerySelectorAll("script").ToList();
        var scriptBytes = scripts.Sum(s => s.TextContent.Length);
        if (!scripts.Any(s => s.HasAttribute("src")) && scriptBytes < 2000)
        {
            return null;
        }

        var signs = new List<string>();
        if (page.Document.QuerySelectorAll("noscript").Any(n => JavaScript().IsMatch(n.TextContent)))
        {
            signs.Add("a <noscript> notice about JavaScript");
        }

        if (scripts.FirstOrDefault(IsStateBlob) is { } blob)
        {
            signs.Add($"a JSON state blob of {blob.TextContent.Length / 1024.0:0.#} KB");
        }

        if (page.Document.Body is { } body && EmptyMountPoint(body) is { } mount)
        {
            signs.Add($"an empty mount point {SelectorPath.For(mount)}");
        }

        return signs.Count == 0 ? null : $"{words} words of text, " + string.Join(", ", signs);
    }

    /// <summary>An element with an id and nothing in it, near the top of the body: where an application draws itself.</summary>
    private static IElement? EmptyMountPoint(IElement body)
    {
        var queue = new Queue<(IElement Element, int Depth)>(body.Children.Select(c => (c, 1)));
        while (queue.Count > 0)
        {
            var (element, depth) = queue.Dequeue();
            if (element.LocalName is "script" or "noscript" or "style" or "template" or "link")
            {
                continue;
            }

            if (element.Id is { Length: > 0 } && element.ChildElementCount == 0 && string.IsNullOrWhiteSpace(element.TextContent))
            {
                return element;
            }

            if (depth < 3)
            {
                foreach (var child in element.Children)
                {
                    queue.Enqueue((child, depth + 1));
                }
            }
        }

        return null;
    }

    /// <summary>Data for a script to draw from: a JSON script, or a script that assigns a large object literal.</summary>
    private static bool IsStateBlob(IElement script)
    {
        var text = script.TextContent;
        if (text.Length < 1024)
        {
            return false;
        }

        var type = script.GetAttribute("type")?.Trim().ToLowerInvariant();
        return type == "application/json" || (type is null or "" or "text/javascript" or "module" && StateAssignment().IsMatch(text));
    }

    private static int ExternalStylesheets(IDocument document) =>
        document.QuerySelectorAll("link[rel][href]").Count(l =>
            l.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(r => r.Equals("stylesheet", StringComparison.OrdinalIgnoreCase))
            && l.GetAttribute("media")?.Trim().ToLowerInvariant() is null or "" or "all" or "screen")
        + document.QuerySelectorAll("style").Count(s => s.TextContent.Contains("@import", StringComparison.OrdinalIgnoreCase));

    /// <summary>An element hidden only because of a framework's class name, which the page's own stylesheets may define otherwise.</summary>
    private static string? GuessedHidden(PageDocument page) =>
        page.Document.All.FirstOrDefault(e => page.Visibility.ReasonFor(e) is { } why && why.StartsWith("class \"", StringComparison.Ordinal) && e.ParentElement is { } parent
            && page.Visibility.ReasonFor(parent) != why) is { } element
            ? SelectorPath.For(element)
            : null;

    [GeneratedRegex(@"\bjavascript\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JavaScript();

    [GeneratedRegex(@"^\s*(?:window\.|self\.|var |let |const )?[\w$.\[\]""']+\s*=\s*(?:JSON\.parse\(|\{)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StateAssignment();
}
