using System.Text;
using System.Xml;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// JUnit XML as Jenkins and GitLab read it: a testsuite per partner (one named "pages" for pages without one), a
/// testcase per page with the seconds its fetch took. Non-compliant is a failure with the reasons per requirement,
/// could-not-check an error, needs-review and not-applicable skipped with their reasons (needs-review's details in
/// system-out): a page a person must still look at is not a passing test. Suite counts and times come from the
/// summary's gists, so the suite element is written before its pages are read; the pages of a partner must be contiguous. With
/// discovery, a page found on a partner's site says so in system-out, the watched sites' unlicensed republications are
/// failures in a suite of their own, and a "discovery" suite without cases carries each site's account (system-out)
/// and its source problems (system-err). With <see cref="FindingsOnly"/>, a partner's suite has a case per page that
/// needs a look (<see cref="Triage.NeedsAttention"/>) and one case each for its compliant pages and its quiet
/// not-applicable ones (found by discovery, or without a partner), with their number: the file grows with the
/// findings, not with the list.
/// </summary>
public sealed class JUnitReporter : IReporter
{
    /// <summary>The name of the case that stands for a suite's compliant pages in <see cref="FindingsOnly"/> mode.</summary>
    public const string CompliantCase = "compliant pages";

    /// <summary>The name of the case that stands for a suite's quiet not-applicable pages in <see cref="FindingsOnly"/> mode.</summary>
    public const string NotApplicableCase = "not-applicable pages";

    /// <summary>A case per finding, the rest counted (--junit-cases findings); false: a case per page.</summary>
    public bool FindingsOnly { get; init; }

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
    };

    public string Format => "junit";

    public string FileName => "junit.xml";


    public void Write(RunSummary summary, Stream output)
    {
        using var xml = XmlWriter.Create(output, Settings);
        var c = summary.Counts;
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", ToolInfo.Name);
        xml.WriteAttributeString("tests", ReportFormatting.Number(c.Pages + summary.Unlicensed.Count));
        xml.WriteAttributeString("failures", ReportFormatting.Number(c.NonCompliant + summary.Unlicensed.Count));
        xml.WriteAttributeString("errors", ReportFormatting.Number(c.Errors));
        xml.WriteAttributeString("time", ReportFormatting.Number(Math.Max(0, (summary.FinishedAt - summary.StartedAt).TotalSeconds)));

        var counts = summary.Partners.ToDictionary(p => p.Name, p => p.Counts, StringComparer.Ordinal);
        var gists = summary.Gists;
        var seconds = gists.GroupBy(g => g.Partner ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.ElapsedMs), StringComparer.Ordinal);
        var quiet = FindingsOnly
            ? gists.Where(g => !Triage.NeedsAttention(g)).GroupBy(g => g.Partner ?? string.Empty, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new Quiet(g.Where(p => p.Verdict == PageVerdict.Compliant).ToList(), g.Where(p => p.Verdict == PageVerdict.NotApplicable).ToList()), StringComparer.Ordinal)
            : [];
        var done = new HashSet<string?>(StringComparer.Ordinal);
        var started = false;
        string? open = null;
        for (var i = 0; i < gists.Count; i++)
        {
            var gist = gists[i];
            if (!started || gist.Partner != open)
            {
                if (started)
                {
                    EndSuite(xml, quiet, open);
                }

                if (!done.Add(gist.Partner))
                {
                    throw new InvalidOperationException(
                        $"the pages of '{TerminalText.Safe(ReportFormatting.GroupOf(gist.Partner))}' are not together; JUnit needs each partner's pages in one run");
                }

                var suite = gist.Partner is null ? Ungrouped(summary) : counts[gist.Partner];
                StartSuite(xml, summary, ReportFormatting.GroupOf(gist.Partner), FindingsOnly ? Written(suite, quiet.GetValueOrDefault(gist.Partner ?? string.Empty)) : suite, seconds[gist.Partner ?? string.Empty]);
                started = true;
                open = gist.Partner;
            }

            // Findings only: a quiet page is counted, not read.
            if (!FindingsOnly || Triage.NeedsAttention(gist))
            {
                WriteCase(xml, summary.Pages[i], ReportFormatting.GroupOf(gist.Partner));
            }
        }

        if (started)
        {
            EndSuite(xml, quiet, open);
        }

        WriteDiscovery(xml, summary);
        xml.WriteEndElement();
        xml.WriteEndDocument();
        xml.Flush();
        output.WriteByte((byte)'\n');
    }

    public const string UnlicensedSuite = "unlicensed republications (watched sites)";

    /// <summary>
    /// The counts of a suite as written with findings only: its quiet pages are one case each kind (a passing case
    /// for the compliant ones, a skipped one for the not-applicable ones), not a case each.
    /// </summary>
    private static VerdictCounts Written(VerdictCounts suite, Quiet? quiet)
    {
        if (quiet is null)
        {
            return suite;
        }

        var (compliant, notApplicable) = (quiet.Compliant.Count, quiet.NotApplicable.Count);
        return suite with
        {
            Pages = suite.Pages - compliant - notApplicable + Math.Sign(compliant) + Math.Sign(notApplicable),
            Compliant = suite.Compliant - compliant + Math.Sign(compliant),
            NotApplicable = suite.NotApplicable - notApplicable + Math.Sign(notApplicable),
        };
    }

    /// <summary>A suite's quiet pages (compliant, and not applicable without needing a look), counted and timed, not listed.</summary>
    private sealed record Quiet(List<PageGist> Compliant, List<PageGist> NotApplicable);

    /// <summary>Closes a partner's suite; with findings only, after the cases that stand for its quiet pages.</summary>
    private void EndSuite(XmlWriter xml, Dictionary<string, Quiet> quiet, string? partner)
    {
        if (FindingsOnly && quiet.TryGetValue(partner ?? string.Empty, out var pages))
        {
            var group = ReportFormatting.GroupOf(partner);
            if (pages.Compliant.Count > 0)
            {
                StartCase(xml, CompliantCase, group, pages.Compliant.Sum(p => p.ElapsedMs));
                xml.WriteElementString("system-out", $"{ReportFormatting.Number(pages.Compliant.Count)} compliant page(s), not listed (--junit-cases findings)\n");
                xml.WriteEndElement();
            }

            if (pages.NotApplicable.Count > 0)
            {
                StartCase(xml, NotApplicableCase, group, pages.NotApplicable.Sum(p => p.ElapsedMs));
                WriteOutcome(xml, "skipped", VerdictNames.Of(PageVerdict.NotApplicable), $"{ReportFormatting.Number(pages.NotApplicable.Count)} page(s) found by discovery or checked without a partner republish no known original, not listed (--junit-cases findings)", null);
                xml.WriteEndElement();
            }
        }

        xml.WriteEndElement();
    }

    private static void StartCase(XmlWriter xml, string name, string group, double milliseconds)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("classname", TerminalText.Safe(group));
        xml.WriteAttributeString("time", ReportFormatting.Seconds(milliseconds));
    }

    private static void WriteDiscovery(XmlWriter xml, RunSummary summary)
    {
        if (summary.Unlicensed.Count > 0)
        {
            var none = VerdictCounts.None;
            StartSuite(xml, summary, UnlicensedSuite, none with { Pages = summary.Unlicensed.Count, NonCompliant = summary.Unlicensed.Count }, summary.Unlicensed.Sum(p => p.Fetch?.ElapsedMs ?? 0));
            foreach (var page in summary.Unlicensed)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", TerminalText.Safe(page.Url));
                xml.WriteAttributeString("classname", TerminalText.Safe(page.Site));
                xml.WriteAttributeString("time", ReportFormatting.Seconds(page.Fetch?.ElapsedMs ?? 0));
                WriteOutcome(xml, "failure", "unlicensed", (page.New ? "new: " : string.Empty) + DiscoveryText.Unlicensed(page), null);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (summary.Discovery.Count > 0)
        {
            StartSuite(xml, summary, "discovery", VerdictCounts.None, 0);
            xml.WriteElementString("system-out", string.Concat(summary.Discovery.Select(s => $"{TerminalText.Safe(s.Name)} ({TerminalText.Safe(s.Site)}): {DiscoveryText.Account(s)}\n")));
            var problems = summary.Discovery.SelectMany(s => s.Problems).ToList();
            if (problems.Count > 0)
            {
                xml.WriteElementString("system-err", string.Concat(problems.Select(p => TerminalText.Safe(p) + "\n")));
            }

            xml.WriteEndElement();
        }
    }

    private static VerdictCounts Ungrouped(RunSummary summary)
    {
        int Rest(Func<VerdictCounts, int> of) => of(summary.Counts) - summary.Partners.Sum(p => of(p.Counts));
        return new VerdictCounts(Rest(c => c.Pages), Rest(c => c.Compliant), Rest(c => c.NonCompliant), Rest(c => c.NeedsReview), Rest(c => c.NotApplicable), Rest(c => c.Errors));
    }

    private static void StartSuite(XmlWriter xml, RunSummary summary, string name, VerdictCounts counts, double milliseconds)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", TerminalText.Safe(name));
        xml.WriteAttributeString("tests", ReportFormatting.Number(counts.Pages));
        xml.WriteAttributeString("failures", ReportFormatting.Number(counts.NonCompliant));
        xml.WriteAttributeString("errors", ReportFormatting.Number(counts.Errors));
        xml.WriteAttributeString("skipped", ReportFormatting.Number(counts.NotApplicable + counts.NeedsReview));
        xml.WriteAttributeString("time", ReportFormatting.Seconds(milliseconds));
        // Ant writes the timestamp without a zone; ours is UTC.
        xml.WriteAttributeString("timestamp", ReportFormatting.Date(summary.StartedAt).TrimEnd('Z'));
    }

    private static void WriteCase(XmlWriter xml, PageResult page, string group)
    {
        StartCase(xml, TerminalText.Safe(page.Url), group, page.Fetch?.ElapsedMs ?? 0);
        switch (page.Verdict)
        {
            case PageVerdict.NonCompliant:
                WriteOutcome(xml, "failure", VerdictNames.Of(page.Verdict), PageFindings.Reasons(page), Details(page));
                break;
            case PageVerdict.Error:
                WriteOutcome(xml, "error", TerminalText.Safe(page.Error?.Kind ?? "error"), PageFindings.Reasons(page), null);
                break;
            case PageVerdict.NotApplicable or PageVerdict.NeedsReview:
                WriteOutcome(xml, "skipped", VerdictNames.Of(page.Verdict), PageFindings.Reasons(page), null);
                break;
        }

        // Needs-review's evidence goes to its system-out (the skipped message has its reasons); a discovered page's origin follows.
        var found = page.Found is { } f ? DiscoveryText.Found(f) + "\n" : string.Empty;
        if (page.Verdict == PageVerdict.NeedsReview)
        {
            xml.WriteElementString("system-out", $"needs-review: {PageFindings.Reasons(page)}\n{Details(page)}{found}");
        }
        else if (found.Length > 0)
        {
            xml.WriteElementString("system-out", found);
        }

        xml.WriteEndElement();
    }

    private static void WriteOutcome(XmlWriter xml, string element, string type, string message, string? body)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("message", message);
        if (body is not null)
        {
            xml.WriteString(body);
        }

        xml.WriteEndElement();
    }

    /// <summary>Each requirement with its outcome, reason and evidence, one fact a line.</summary>
    private static string Details(PageResult page)
    {
        var text = new StringBuilder();
        if (page.Original is { } original)
        {
            text.Append("original: ").Append(TerminalText.Safe(original.Title)).Append(" (").Append(ReportFormatting.Percent(original.Match)).Append(")\n");
        }

        foreach (var requirement in page.Requirements)
        {
            text.Append(TerminalText.Safe(requirement.Id)).Append(": ").Append(VerdictNames.Of(requirement.Status)).Append(": ")
                .Append(TerminalText.Safe(requirement.Message)).Append('\n');
            foreach (var evidence in requirement.Evidence)
            {
                text.Append("  selector: ").Append(TerminalText.Safe(evidence.Selector)).Append('\n');
                text.Append("  snippet: ").Append(TerminalText.Safe(evidence.Html)).Append('\n');
                text.Append("  text: ").Append(TerminalText.Safe(evidence.Text)).Append('\n');
                if (evidence.Note is { } note)
                {
                    text.Append("  reason: ").Append(TerminalText.Safe(note)).Append('\n');
                }
            }
        }

        return text.ToString();
    }
}
