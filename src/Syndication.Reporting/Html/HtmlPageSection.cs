using AngleSharp.Dom;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// One page of the HTML report as a DOM fragment: its verdict, links to the page and its original, and for each
/// requirement the reason and the evidence (selector, snippet, text). The filters and the sort read its data-*
/// attributes: verdict, partner, outcomes, change, its number in the list and its triage rank.
/// </summary>
internal sealed class HtmlPageSection(HtmlBuilder html, Func<string, byte[]?>? screenshots = null)
{
    /// <summary>
    /// The most screenshot bytes one report embeds; past it a screenshot is named by its SHA-256 only. Pages come in
    /// triage order, so the budget goes to new violations first.
    /// </summary>
    private const long MaxEmbedded = 40L * 1024 * 1024;

    private long _embedded;

    public IElement Build(PageResult page, int number)
    {
        var verdict = VerdictNames.Of(page.Verdict);
        var article = html.Element("article", $"page v-{verdict}");
        article.Id = $"page-{number}";
        article.SetAttribute("data-verdict", verdict);
        if (page.Partner is not null)
        {
            article.SetAttribute("data-partner", page.Partner);
        }

        article.SetAttribute("data-outcomes", Outcomes(page));
        article.SetAttribute("data-change", Change(page.Change));
        article.SetAttribute("data-list", ReportFormatting.Number(number));
        article.SetAttribute("data-triage", Triage.Ranks[Triage.Rank(PageGist.Of(page))]);

        var head = html.Element("div", "page-head");
        head.AppendChild(html.Element("span", $"verdict v-{verdict}", verdict));
        var title = html.Element("h2", "page-url");
        title.AppendChild(html.Link(page.Url, null, "url"));
        head.AppendChild(title);
        if (page.Partner is not null)
        {
            head.AppendChild(html.Text("span", "partner", page.Partner));
        }

        if (PageFindings.Change(page) is { Length: > 0 } change)
        {
            head.AppendChild(html.Text("span", $"change c-{Token(page.Change ?? string.Empty)}", change));
        }

        if (page.Waived)
        {
            head.AppendChild(html.Text("span", "change c-waived", "waived"));
        }

        if (page.Found is { New: true })
        {
            head.AppendChild(html.Text("span", "change c-found", "newly found"));
        }

        article.AppendChild(head);
        if (page.Requirements.Count > 0)
        {
            var chips = html.Element("ul", "chips");
            foreach (var requirement in page.Requirements)
            {
                var status = VerdictNames.Of(requirement.Status);
                chips.AppendChild(html.Text("li", $"chip o-{status}", $"{requirement.Id}: {status}"));
            }

            article.AppendChild(chips);
        }

        if (page.Original is { } original)
        {
            article.AppendChild(Original(original));
        }

        if (page.Error is { } error)
        {
            article.AppendChild(html.Text("p", "error", $"Could not check ({error.Kind}): {error.Message}"));
        }

        if (page.Note is { } note)
        {
            article.AppendChild(html.Text("p", "note", note));
        }

        if (page.Found is { } found)
        {
            article.AppendChild(Found(found));
        }

        if (page.Requirements.Count > 0 || page.Fetch is not null)
        {
            article.AppendChild(Evidence(page));
        }

        return article;
    }

    /// <summary>"Found on 2026-11-25 via URL": where discovery found the page (a link to the sitemap or feed).</summary>
    private IElement Found(FoundNote found)
    {
        var line = html.Element("p", "found");
        line.AppendChild(html.Plain(found.New ? "Found tonight via " : $"Found on {ReportFormatting.Day(found.On)} via "));
        line.AppendChild(html.Link(found.Via, null, "via"));
        return line;
    }

    private IElement Original(OriginalInfo original)
    {
        var line = html.Element("p", "original");
        line.AppendChild(html.Plain("Original: "));
        line.AppendChild(html.Link(original.Url, original.Title, "original-link"));
        if (original.Reporters.Count > 0)
        {
            line.AppendChild(html.Plain(" by "));
            line.AppendChild(html.Text("span", "reporters", string.Join(", ", original.Reporters)));
        }

        line.AppendChild(html.Plain($" · {ReportFormatting.Percent(original.Match)} of its text found"));
        return line;
    }

    private IElement Evidence(PageResult page)
    {
        // Open where there is something to look at; a compliant page's evidence stays folded (on screen and on paper).
        var details = html.Element("details", "evidence");
        if (page.Verdict is PageVerdict.NonCompliant or PageVerdict.NeedsReview)
        {
            details.SetAttribute("open", string.Empty);
        }

        details.AppendChild(html.Element("summary", null, "Evidence"));
        foreach (var requirement in page.Requirements)
        {
            var status = VerdictNames.Of(requirement.Status);
            var section = html.Element("section", $"requirement o-{status}");
            var heading = html.Element("h3");
            heading.AppendChild(html.Text("span", "req-id", requirement.Id));
            heading.AppendChild(html.Plain(" "));
            heading.AppendChild(html.Element("span", $"status o-{status}", status));
            section.AppendChild(heading);
            section.AppendChild(html.Text("p", "reason", requirement.Message));
            if (PageFindings.Suffix(requirement) is { Length: > 0 } history)
            {
                section.AppendChild(html.Text("p", "history", history.Trim()));
            }
            foreach (var evidence in requirement.Evidence)
            {
                section.AppendChild(Item(evidence));
            }

            if (requirement.Evidence.Count == 0)
            {
                section.AppendChild(html.Element("p", "none", "No evidence recorded."));
            }

            details.AppendChild(section);
        }

        if (page.Fetch is { } fetch)
        {
            details.AppendChild(Fetch(fetch, page.Url));
        }

        if (page.Rendered is { } rendered)
        {
            details.AppendChild(Rendered(rendered));
        }

        return details;
    }

    private IElement Item(Evidence evidence)
    {
        var list = html.Element("dl", "item");
        Add(list, "Selector", "k-selector", html.Text("code", null, evidence.Selector));
        var pre = html.Element("pre");
        pre.AppendChild(html.Block("code", null, evidence.Html));
        Add(list, "Snippet", "k-snippet", pre);
        Add(list, "Text", "k-text", html.Block("span", "seen", evidence.Text.Length == 0 ? "(none)" : evidence.Text));
        if (evidence.Note is { } note)
        {
            Add(list, "Reason", "k-reason", html.Text("span", null, note));
        }

        return list;
    }

    private IElement Fetch(FetchFacts fetch, string url)
    {
        var line = html.Element("p", "fetch");
        var facts = new List<string>();
        if (fetch.Status is { } status)
        {
            facts.Add($"HTTP {ReportFormatting.Number(status)}");
        }

        if (fetch.ContentType is { } type)
        {
            facts.Add(TerminalText.Safe(type));
        }

        facts.Add($"{ReportFormatting.Number(fetch.Bytes)} bytes");
        facts.Add($"{ReportFormatting.Number(fetch.ElapsedMs, "0")} ms");
        if (fetch.FromCache)
        {
            facts.Add("from cache");
        }

        line.AppendChild(html.Plain("Fetched: " + string.Join(", ", facts)));
        // A local file's resolved path says nothing new; a redirect's target does.
        if (fetch.FinalUrl is { } final && final != url && Uri.TryCreate(final, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            line.AppendChild(html.Plain("; final URL "));
            line.AppendChild(html.Link(final, null, "final-url"));
        }

        return line;
    }

    /// <summary>How the page was rendered, what its browser was refused, and its screenshots (embedded while they fit).</summary>
    private IElement Rendered(Syndication.Rendering.RenderFacts rendered)
    {
        var section = html.Element("section", "rendered");
        section.AppendChild(html.Text(
            "p",
            "render",
            $"Rendered in Chromium ({rendered.Why}): {ReportFormatting.Number(rendered.Requests)} requests, {ReportFormatting.Number(rendered.ElapsedMs, "0")} ms, {ReportFormatting.Number(rendered.Hidden)} of {ReportFormatting.Number(rendered.Elements)} elements hidden from a reader"));
        if (rendered.RefusedCount > 0)
        {
            var refused = html.Element("details", "refused");
            refused.AppendChild(html.Element("summary", null, $"{ReportFormatting.Number(rendered.RefusedCount)} requests refused or failed"));
            var list = html.Element("ul");
            foreach (var line in rendered.Refused)
            {
                list.AppendChild(html.Text("li", null, line));
            }

            refused.AppendChild(list);
            section.AppendChild(refused);
        }

        if (rendered.ScreenshotProblem is { } problem)
        {
            section.AppendChild(html.Text("p", "none", problem));
        }

        foreach (var shot in rendered.Screenshots)
        {
            var figure = html.Element("figure", "screenshot");
            if (screenshots?.Invoke(shot.Sha256) is { } png && _embedded + png.Length <= MaxEmbedded)
            {
                _embedded += png.Length;
                var image = html.Element("img");
                image.SetAttribute("src", "data:image/png;base64," + Convert.ToBase64String(png));
                image.SetAttribute("alt", $"{shot.Name} screenshot");
                image.SetAttribute("width", shot.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                figure.AppendChild(image);
            }

            var caption = $"{shot.Name}, {shot.Width} × {shot.Height} px, SHA-256 {shot.Sha256}";
            figure.AppendChild(html.Text("figcaption", null, shot.Outlined.Count > 0 ? $"{caption}; outlined: {string.Join("; ", shot.Outlined)}" : caption));
            section.AppendChild(figure);
        }

        return section;
    }

    /// <param name="kind">A class on both the term and its value, so the print stylesheet can keep the few that matter on paper.</param>
    private void Add(IElement list, string term, string kind, IElement value)
    {
        list.AppendChild(html.Element("dt", kind, term));
        var dd = html.Element("dd", kind);
        dd.AppendChild(value);
        list.AppendChild(dd);
    }

    /// <summary>
    /// The parts of a page the search box reads: its head (address, verdict, partner, change), original, reasons and
    /// their history, error, note, where it was found, and each evidence item's reason — not the evidence's markup.
    /// </summary>
    public const string Searchable = ".page-head, .original, .reason, .history, .error, .note, .found, dd.k-reason";

    /// <summary>What the search box matches in a page's section: its <see cref="Searchable"/> parts' text, joined by spaces (the script does the same).</summary>
    /// <remarks>
    /// The section's elements are walked in document order and their class attributes read, as the selector would
    /// match them: querying the selector built every element's class list, a tenth of writing a large report.
    /// </remarks>
    public static string SearchText(IElement section)
    {
        var texts = new List<string>();
        Collect(section, texts);
        return string.Join(' ', texts);
    }

    private static readonly string[] SearchableClasses = ["page-head", "original", "reason", "history", "error", "note", "found"];

    private static void Collect(IElement parent, List<string> texts)
    {
        for (var child = parent.FirstElementChild; child is not null; child = child.NextElementSibling)
        {
            if (child.GetAttribute("class") is { } classes && IsSearchable(child.LocalName, classes))
            {
                texts.Add(child.TextContent);
            }

            Collect(child, texts);
        }
    }

    /// <summary>Whether an element of these classes is one <see cref="Searchable"/> selects.</summary>
    private static bool IsSearchable(string name, string classes)
    {
        foreach (var range in classes.AsSpan().SplitAny(" \t\n\f\r"))
        {
            var token = classes.AsSpan()[range];
            if (token.IsEmpty)
            {
                continue;
            }

            foreach (var searchable in SearchableClasses)
            {
                if (token.SequenceEqual(searchable))
                {
                    return true;
                }
            }

            if (name == "dd" && token.SequenceEqual("k-reason"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The page's outcomes as the filters read them: "logo:fail byline:pass" (data-outcomes).</summary>
    public static string Outcomes(PageResult page) => string.Join(' ', page.Requirements.Select(r => $"{Token(r.Id)}:{VerdictNames.Of(r.Status)}"));

    /// <summary>The same from a page's gist.</summary>
    public static string Outcomes(PageGist page) => string.Join(' ', page.RequirementIds.Select((id, i) => $"{Token(id)}:{VerdictNames.Of(page.Outcomes[i])}"));

    /// <summary>The page's change as the change filter reads it (data-change): new, persisting, fixed, same or empty.</summary>
    public static string Change(string? change) => Token(change ?? string.Empty);

    /// <summary>A requirement id as one token of data-outcomes.</summary>
    private static string Token(string id) => string.Concat(TerminalText.Safe(id).Select(c => char.IsWhiteSpace(c) || c == ':' ? '_' : c));
}
