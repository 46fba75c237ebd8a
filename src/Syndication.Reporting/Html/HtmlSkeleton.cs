using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// Everything of the HTML report but the pages, built as one DOM: head (policy, style), run facts, counts, partners,
/// filters, an empty main element, the footer and the script. It is serialised once and cut at the main element,
/// which the pages then fill one by one, and before the footer and the script, which the report writes in its own
/// order. The cuts are safe: `&lt;main id="pages"&gt;`, `&lt;footer&gt;` and `&lt;script&gt;` cannot come from page text,
/// whose '&lt;' the serialiser encodes.
/// </summary>
internal static class HtmlSkeleton
{
    internal const string MainStart = "<main id=\"pages\">";
    internal const string MainEnd = "</main>";

    /// <summary>The report around its pages: up to and with the main element's start; its footer; its script; the end.</summary>
    public sealed record Parts(IDocument Document, string Before, string Footer, string Script, string End);

    public static Parts Build(RunSummary summary)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>");
        var html = new HtmlBuilder(document);
        Head(document, html, summary);
        var body = document.Body!;
        body.AppendChild(Header(html, summary));
        body.AppendChild(Counts(html, summary.Counts));
        if (summary.Partners.Count > 0)
        {
            body.AppendChild(Partners(html, summary.Partners));
        }

        if (summary.Unlicensed.Count > 0)
        {
            body.AppendChild(Unlicensed(html, summary.Unlicensed));
        }

        if (summary.Discovery.Count > 0)
        {
            body.AppendChild(Discovery(html, summary.Discovery));
        }

        body.AppendChild(Filters(html, summary));
        body.AppendChild(PrintedView(html));
        var main = html.Element("main");
        main.Id = "pages";
        body.AppendChild(main);
        body.AppendChild(html.Element("footer", null, $"{ToolInfo.Name} {TerminalText.Safe(summary.ToolVersion)}: {Asks(summary.RequirementIds)}"));
        body.AppendChild(html.Element("script", null, ReportAssets.Script));

        var text = document.ToHtml(HtmlMarkupFormatter.Instance);
        var start = text.IndexOf(MainStart + MainEnd, StringComparison.Ordinal);
        if (start < 0 || start != text.LastIndexOf(MainStart, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the report skeleton has no single main element");
        }

        var cut = start + MainStart.Length;
        var footer = text.IndexOf("<footer>", cut, StringComparison.Ordinal);
        var script = text.IndexOf("<script>", cut, StringComparison.Ordinal);
        var end = text.IndexOf("</script>", script, StringComparison.Ordinal) + "</script>".Length;
        if (footer != cut + MainEnd.Length || script < footer)
        {
            throw new InvalidOperationException("the report skeleton does not end with its main element, footer and script");
        }

        return new Parts(document, text[..cut] + "\n", text[footer..script], text[script..end], text[end..]);
    }

    /// <summary>What the licence asks, in the footer: the DCNF licence in words, another by the requirements the run's pages carry.</summary>
    private static string Asks(IReadOnlyList<string> ids) =>
        ids.Count == 0 || ids.Order(StringComparer.Ordinal).SequenceEqual(["affiliation", "byline", "logo"])
            ? "the licence asks for the licensor's logo, the reporter's byline and their affiliation with every republished article."
            : $"the licences ask for {string.Join(", ", ids.Select(TerminalText.Safe))} with every republished article.";

    private static void Head(IDocument document, HtmlBuilder html, RunSummary summary)
    {
        var head = document.Head!;
        var charset = html.Element("meta");
        charset.SetAttribute("charset", "utf-8");
        head.AppendChild(charset);
        head.AppendChild(Meta(html, "http-equiv", "Content-Security-Policy", ReportAssets.ContentSecurityPolicy));
        head.AppendChild(Meta(html, "name", "referrer", "no-referrer"));
        head.AppendChild(Meta(html, "name", "viewport", "width=device-width, initial-scale=1"));
        head.AppendChild(html.Element("title", null, $"Syndication report, {ReportFormatting.Date(summary.StartedAt)}"));
        head.AppendChild(html.Element("style", null, ReportAssets.Style));
    }

    private static IElement Meta(HtmlBuilder html, string kind, string name, string content)
    {
        var meta = html.Element("meta");
        meta.SetAttribute(kind, name);
        meta.SetAttribute("content", content);
        return meta;
    }

    private static IElement Header(HtmlBuilder html, RunSummary summary)
    {
        var header = html.Element("header", "report-head");
        header.AppendChild(html.Element("h1", null, "Syndication report"));
        var run = html.Element("p", "run");
        run.AppendChild(html.Plain($"{ToolInfo.Name} {TerminalText.Safe(summary.ToolVersion)} · started "));
        run.AppendChild(Time(html, summary.StartedAt));
        run.AppendChild(html.Plain(" · finished "));
        run.AppendChild(Time(html, summary.FinishedAt));
        if (summary.RunId is { } id)
        {
            run.AppendChild(html.Plain(" · run "));
            run.AppendChild(html.Text("code", null, id));
        }

        header.AppendChild(run);
        if (!summary.Complete)
        {
            header.AppendChild(html.Element("p", "incomplete", "Incomplete: the run was stopped before every page was checked."));
        }

        return header;
    }

    private static IElement Time(HtmlBuilder html, DateTimeOffset value)
    {
        var time = html.Element("time", null, ReportFormatting.Date(value));
        time.SetAttribute("datetime", ReportFormatting.Date(value));
        return time;
    }

    private static IElement Counts(HtmlBuilder html, VerdictCounts counts)
    {
        var section = html.Element("section", "counts");
        section.SetAttribute("aria-label", "Summary");
        section.AppendChild(Count(html, "total", counts.Pages, "pages", "pages"));
        foreach (var verdict in Enum.GetValues<PageVerdict>())
        {
            section.AppendChild(Count(html, "v-" + VerdictNames.Of(verdict), counts.Count(verdict), VerdictNames.Of(verdict), Label(verdict)));
        }

        return section;
    }

    private static IElement Count(HtmlBuilder html, string className, int count, string name, string label)
    {
        var box = html.Element("div", "count " + className);
        box.SetAttribute("data-count", name);
        box.AppendChild(html.Element("span", "n", ReportFormatting.Number(count)));
        box.AppendChild(html.Element("span", "label", label));
        return box;
    }

    private static string Label(PageVerdict verdict) => verdict switch
    {
        PageVerdict.NeedsReview => "needs review",
        PageVerdict.NotApplicable => "not applicable",
        PageVerdict.Error => "could not check",
        _ => VerdictNames.Of(verdict),
    };

    private static IElement Partners(HtmlBuilder html, IReadOnlyList<PartnerSummary> partners)
    {
        var section = html.Element("section", "partners");
        section.AppendChild(html.Element("h2", null, "Partners"));
        var table = html.Element("table");
        var headRow = html.Element("tr");
        IEnumerable<string> headings = ["Partner", "Pages", .. Enum.GetValues<PageVerdict>().Select(v => Capitalised(Label(v)))];
        foreach (var heading in headings)
        {
            headRow.AppendChild(html.Element("th", null, heading));
        }

        var thead = html.Element("thead");
        thead.AppendChild(headRow);
        table.AppendChild(thead);
        var tbody = html.Element("tbody");
        foreach (var partner in partners)
        {
            // The name opens the partner's pages, a count its pages with that verdict: links to a view (the filters
            // read the address's #fragment), so they can be shared too.
            var row = html.Element("tr");
            row.AppendChild(Wrap(html, "th", ViewLink(html, html.Text("a", "partner-link", partner.Name), ("partner", partner.Name))));
            row.AppendChild(Cell(html, partner.Counts.Pages, "total"));
            foreach (var verdict in Enum.GetValues<PageVerdict>())
            {
                var count = partner.Counts.Count(verdict);
                var cell = Cell(html, count, VerdictNames.Of(verdict));
                if (count > 0)
                {
                    var number = cell.TextContent;
                    cell.TextContent = string.Empty;
                    cell.AppendChild(ViewLink(html, html.Element("a", null, number), ("partner", partner.Name), ("verdict", VerdictNames.Of(verdict))));
                }

                row.AppendChild(cell);
            }

            tbody.AppendChild(row);
        }

        table.AppendChild(tbody);
        section.AppendChild(table);
        return section;
    }

    /// <summary>The watched sites' republications: each with its original, when it was found, and where.</summary>
    private static IElement Unlicensed(HtmlBuilder html, IReadOnlyList<UnlicensedPage> pages)
    {
        var section = html.Element("section", "unlicensed");
        section.AppendChild(html.Element("h2", null, "Unlicensed republications (watched sites)"));
        var table = html.Element("table");
        table.AppendChild(Head(html, ["", "Site", "Page", "Original", "Found", "Via"]));
        var tbody = html.Element("tbody");
        foreach (var page in pages)
        {
            var row = html.Element("tr", page.New ? "new" : null);
            row.AppendChild(html.Element("td", page.New ? "change c-new" : null, page.New ? "new" : string.Empty));
            row.AppendChild(html.Text("td", null, page.Site));
            row.AppendChild(Wrap(html, "td", html.Link(page.Url, null, "url")));
            row.AppendChild(Wrap(html, "td", html.Link(page.Original.Url, page.Original.Title, "original-link")));
            row.AppendChild(html.Element("td", null, ReportFormatting.Day(page.Found.On)));
            row.AppendChild(Wrap(html, "td", html.Link(page.Found.Via, null, "via")));
            tbody.AppendChild(row);
        }

        table.AppendChild(tbody);
        section.AppendChild(table);
        return section;
    }

    /// <summary>What the search of each site came to, its newly found republications, and its source problems.</summary>
    private static IElement Discovery(HtmlBuilder html, IReadOnlyList<SiteDiscovery> sites)
    {
        var section = html.Element("section", "discovery");
        section.AppendChild(html.Element("h2", null, "Discovery"));
        var table = html.Element("table");
        table.AppendChild(Head(html, ["Site", "", "Sources read", "Listed", "Candidates", "Fetched", "Waiting", "Newly found"]));
        var tbody = html.Element("tbody");
        foreach (var site in sites)
        {
            var row = html.Element("tr");
            row.AppendChild(Wrap(html, "th", html.Link(site.Site, site.Name, "site")));
            row.AppendChild(html.Element("td", null, site.Watched ? "watched" : "partner"));
            foreach (var count in new[] { site.SourcesRead, site.Listed, site.Candidates, site.Fetched, site.Waiting, site.NewlyFound.Count })
            {
                row.AppendChild(html.Element("td", "num", ReportFormatting.Number(count)));
            }

            tbody.AppendChild(row);
        }

        table.AppendChild(tbody);
        section.AppendChild(table);
        var found = sites.Where(s => !s.Watched).SelectMany(s => s.NewlyFound.Select(f => (s.Name, Found: f))).ToList();
        if (found.Count > 0)
        {
            section.AppendChild(html.Element("h3", null, "Newly found republications"));
            var list = html.Element("ul", "found-list");
            foreach (var (partner, page) in found)
            {
                var item = html.Element("li");
                item.AppendChild(html.Text("span", "partner", partner));
                item.AppendChild(html.Plain(" "));
                item.AppendChild(html.Link(page.Url, null, "url"));
                item.AppendChild(html.Plain(" republishes "));
                item.AppendChild(html.Link(page.OriginalUrl, page.OriginalTitle, "original-link"));
                item.AppendChild(html.Plain($" ({VerdictNames.Of(page.Verdict)}), via "));
                item.AppendChild(html.Link(page.Via, null, "via"));
                list.AppendChild(item);
            }

            section.AppendChild(list);
        }

        var problems = sites.SelectMany(s => s.Problems).ToList();
        if (problems.Count > 0)
        {
            section.AppendChild(html.Element("h3", null, "Source problems"));
            var list = html.Element("ul", "problems");
            foreach (var problem in problems)
            {
                list.AppendChild(html.Text("li", null, problem));
            }

            section.AppendChild(list);
        }

        return section;
    }

    private static IElement Head(HtmlBuilder html, IEnumerable<string> headings)
    {
        var thead = html.Element("thead");
        var row = html.Element("tr");
        foreach (var heading in headings)
        {
            row.AppendChild(html.Element("th", null, heading));
        }

        thead.AppendChild(row);
        return thead;
    }

    private static IElement Wrap(HtmlBuilder html, string tag, IElement content)
    {
        var cell = html.Element(tag);
        cell.AppendChild(content);
        return cell;
    }

    /// <summary>A link to a view of the report: the filters as the address's #fragment, as the script writes and reads them.</summary>
    private static IElement ViewLink(HtmlBuilder html, IElement link, params (string Name, string Value)[] filters)
    {
        link.SetAttribute("href", "#" + string.Join('&', filters.Select(f => f.Name + "=" + Uri.EscapeDataString(f.Value))));
        return link;
    }

    private static IElement Cell(HtmlBuilder html, int count, string name) =>
        html.Element("td", count > 0 ? "num v-" + name : "num zero", ReportFormatting.Number(count));

    private static string Capitalised(string label) => char.ToUpperInvariant(label[0]) + label[1..];

    private static IElement Filters(HtmlBuilder html, RunSummary summary)
    {
        var section = html.Element("section", "filters");
        section.Id = "filters";
        section.SetAttribute("aria-label", "Filters");
        section.SetAttribute("hidden", string.Empty);
        var verdicts = html.Element("fieldset", "verdicts");
        verdicts.AppendChild(html.Element("legend", null, "Verdict"));
        foreach (var verdict in Enum.GetValues<PageVerdict>())
        {
            var name = VerdictNames.Of(verdict);
            var label = html.Element("label", "v-" + name);
            var box = html.Element("input");
            box.SetAttribute("type", "checkbox");
            box.SetAttribute("name", "verdict");
            box.SetAttribute("value", name);
            box.SetAttribute("checked", string.Empty);
            label.AppendChild(box);
            label.AppendChild(html.Plain($" {Label(verdict)} ({ReportFormatting.Number(summary.Counts.Count(verdict))})"));
            verdicts.AppendChild(label);
        }

        section.AppendChild(verdicts);
        if (summary.Partners.Count > 0)
        {
            section.AppendChild(Select(html, "f-partner", "Partner", "All partners", summary.Partners.Select(p => (p.Name, p.Name))));
        }

        section.AppendChild(Select(html, "f-requirement", "Requirement", "Any requirement", summary.RequirementIds.Select(id => (id, id))));
        section.AppendChild(Select(html, "f-outcome", "Outcome", "Any outcome", Enum.GetValues<Outcome>().Reverse().Select(VerdictNames.Of).Select(o => (o, o))));
        section.AppendChild(Select(html, "f-change", "Change", "Any change", ChangeChoices));
        section.AppendChild(Select(html, "f-sort", "Sort", null, SortChoices));
        var search = html.Element("label", "search", "Search ");
        var input = html.Element("input");
        input.Id = "f-search";
        input.SetAttribute("type", "search");
        input.SetAttribute("placeholder", "address, partner, title, reason…");
        input.SetAttribute("autocomplete", "off");
        search.AppendChild(input);
        section.AppendChild(search);
        var reset = html.Element("button", null, "Show all");
        reset.Id = "f-reset";
        reset.SetAttribute("type", "button");
        section.AppendChild(reset);
        var shown = html.Element("output", null, $"Showing {ReportFormatting.Number(summary.Counts.Pages)} of {ReportFormatting.Number(summary.Counts.Pages)} pages");
        shown.Id = "f-count";
        shown.SetAttribute("aria-live", "polite");
        section.AppendChild(shown);
        return section;
    }

    /// <summary>The change filter's choices: what the history says of each page since the last complete run.</summary>
    private static readonly (string Value, string Label)[] ChangeChoices =
    [
        (Changes.New, "new"),
        (Changes.Persisting, "persisting"),
        (Changes.Fixed, "fixed"),
        ("unchanged", "unchanged"),
    ];

    /// <summary>The orders the pages can be shown in; the first is the order they are written in.</summary>
    private static readonly (string Value, string Label)[] SortChoices =
    [
        ("triage", "new violations first"),
        ("change", "by change: new, persisting, fixed"),
        ("list", "as in the partner list"),
    ];

    /// <summary>What the printed page says it shows (the script fills it in from the filters): "Partner: X · 5 of 44 pages".</summary>
    private static IElement PrintedView(HtmlBuilder html)
    {
        var view = html.Element("p", "printed-view");
        view.Id = "f-view";
        view.SetAttribute("hidden", string.Empty);
        return view;
    }

    private static IElement Select(HtmlBuilder html, string id, string label, string? any, IEnumerable<(string Value, string Label)> values)
    {
        var wrapper = html.Element("label", null, label + " ");
        var select = html.Element("select");
        select.Id = id;
        if (any is not null)
        {
            var all = html.Element("option", null, any);
            all.SetAttribute("value", string.Empty);
            select.AppendChild(all);
        }

        foreach (var (value, text) in values)
        {
            // The value stays as the page data has it (the filter compares it with data-partner); the label is made visible.
            var option = html.Text("option", null, text);
            option.SetAttribute("value", value);
            select.AppendChild(option);
        }

        wrapper.AppendChild(select);
        return wrapper;
    }
}
