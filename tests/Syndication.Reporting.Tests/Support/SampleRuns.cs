using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting.Tests.Support;

/// <summary>
/// Runs built by hand, with fixed dates and fetch facts, so golden files are stable: an audit of two partners plus
/// a page without one, every verdict present, and hostile text in every field a partner's page can fill.
/// </summary>
public static class SampleRuns
{
    public const string Plains = "Plains Reporter";
    public const string HostilePartner = Hostile.Formula + " " + Hostile.RightToLeft;

    private static readonly DateTimeOffset Started = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static RunSummary Audit() => Summary(Pages());

    /// <summary>
    /// The audit with discovery: two of its pages found on the partner's site (one tonight), each site's search with
    /// source problems, and a watched site's unlicensed republications; hostile text in every field a site can fill.
    /// </summary>
    public static RunSummary Discovery()
    {
        var pages = Pages();
        pages[0] = pages[0] with { Found = new FoundNote(Started, "https://plains.example/news-sitemap.xml", New: true) };
        pages[1] = pages[1] with { Found = new FoundNote(Started.AddDays(-12), "https://plains.example/sitemap.xml?x=" + Hostile.AttributeBreakout, New: false) };
        return Summary(pages) with
        {
            Discovery =
            [
                new SiteDiscovery
                {
                    Name = Plains,
                    Site = "https://plains.example/",
                    SourcesRead = 4,
                    SourcesUnchanged = 1,
                    Listed = 9_936,
                    Candidates = 281,
                    Fetched = 281,
                    Waiting = 0,
                    KnownRepublications = 1,
                    NewlyFound = [new FoundPage(pages[0].Url, pages[0].Original!.Title, pages[0].Original!.Url, "https://plains.example/news-sitemap.xml", PageVerdict.Compliant)],
                    Problems = [$"{Plains}: sitemap https://plains.example/bomb.xml.gz: over the 52,428,800-byte limit once unpacked (a gzip bomb?); 0 entries read before it"],
                },
                new SiteDiscovery
                {
                    Name = "Copycat " + Hostile.Script,
                    Site = Hostile.JavascriptUrl,
                    Watched = true,
                    SourcesRead = 1,
                    Listed = 3,
                    Candidates = 3,
                    Fetched = 3,
                    NewlyFound = [new FoundPage("https://copycat.example/copy/", "Drones " + Hostile.Markdown, null, "https://copycat.example/feed/", PageVerdict.NonCompliant)],
                    Problems = [$"Copycat: feed https://copycat.example/feed/: {Hostile.Ansi} {Hostile.LineBreaks} {Hostile.SpectreMarkup}"],
                },
            ],
            Unlicensed =
            [
                new UnlicensedPage("Copycat " + Hostile.Script, "https://copycat.example/copy/?" + Hostile.AttributeBreakout, Original with { Title = "Drones " + Hostile.Markdown }, new FoundNote(Started, "https://copycat.example/feed/", New: true)),
                new UnlicensedPage("Copycat " + Hostile.Script, Hostile.JavascriptUrl, Original, new FoundNote(Started.AddDays(-3), Hostile.Formula, New: false)),
            ],
        };
    }

    public static RunSummary Summary(IReadOnlyList<PageResult> pages) =>
        RunSummary.Create(Started, Started.AddSeconds(190.5), pages) with { ToolVersion = "0.1.0-test", RunId = "run-42" };

    public static List<PageResult> Pages() =>
    [
        new()
        {
            Url = "https://plains.example/2022/07/12/iran-drones/",
            Partner = Plains,
            Verdict = PageVerdict.Compliant,
            Original = Original,
            Requirements =
            [
                RequirementOutcome.Pass("logo", "shows the Daily Caller News Foundation logo in the article's header", new Evidence("article > p:nth-child(1) > img", "<img src=\"/dcnf-logo.png\" alt=\"Daily Caller News Foundation logo\">", "Daily Caller News Foundation logo")),
                RequirementOutcome.Pass("byline", "credits Micaela Burrow", new Evidence("article > header > span.author", "<span class=\"author\">By Micaela Burrow, DCNF</span>", "By Micaela Burrow, DCNF", "Micaela Burrow credited in the article's header")),
                RequirementOutcome.Pass("affiliation", "names Daily Caller News Foundation with the byline", new Evidence("article > header > span.author", "<span class=\"author\">By Micaela Burrow, DCNF</span>", "By Micaela Burrow, DCNF")),
            ],
            Fetch = new FetchFacts { Status = 200, FinalUrl = "https://plains.example/2022/07/12/iran-drones/", ContentType = "text/html; charset=utf-8", Bytes = 48_213, ElapsedMs = 412.5 },
            Change = Changes.Fixed,
            Since = Started,
        },
        new()
        {
            Url = "https://plains.example/story?q=" + Hostile.AttributeBreakout,
            Partner = Plains,
            Verdict = PageVerdict.NonCompliant,
            Original = Original with { Url = Hostile.JavascriptUrl, Title = "Drones " + Hostile.Script, Match = 0.8125 },
            Requirements =
            [
                RequirementOutcome.Fail("logo", "no visible logo: " + Hostile.Script, new Evidence("div#main > img" + Hostile.AttributeBreakout, "<img src=x onerror=alert(1)>" + Hostile.Script, Hostile.LineBreaks + " " + Hostile.Ansi, "hidden (display:none)")) with
                {
                    Change = Changes.New,
                    Since = Started,
                    Streak = 1,
                    Waiver = new WaiverNote(Hostile.Formula + " redesign " + Hostile.Script, "Jane Smith (DCNF licensing)", new DateOnly(2026, 10, 1), Expired: true),
                },
                RequirementOutcome.Review("byline", Hostile.SpectreMarkup + " " + Hostile.Markdown),
                RequirementOutcome.Pass("affiliation", "names DCNF " + Hostile.RightToLeft, new Evidence("p.credit", "<p class=\"credit\">DCNF</p>", "DCNF")),
            ],
            Fetch = new FetchFacts { Status = 200, FinalUrl = Hostile.JavascriptUrl, ContentType = "text/html", Bytes = 1_024, ElapsedMs = 87 },
            Change = Changes.New,
            Since = Started,
            Streak = 1,
            Confirmed = true,
        },
        new()
        {
            Url = Hostile.JavascriptUrl,
            Partner = HostilePartner,
            Verdict = PageVerdict.NeedsReview,
            Original = Original with { Match = 0.5 },
            Requirements =
            [
                RequirementOutcome.Pass("logo", Hostile.PlusFormula),
                RequirementOutcome.Pass("byline", Hostile.AtFormula),
                RequirementOutcome.Review("affiliation", Hostile.MinusFormula + " " + Hostile.LineBreaks),
            ],
        },
        new()
        {
            Url = "https://gazette.example/local/" + Hostile.RightToLeft,
            Partner = HostilePartner,
            Verdict = PageVerdict.NotApplicable,
            Note = "republishes no known original: " + Hostile.Ansi,
        },
        new()
        {
            Url = "/var/pages/local file.html",
            Partner = HostilePartner,
            Verdict = PageVerdict.Error,
            Error = new PageError("timeout", "=1+2 took too long " + Hostile.LineBreaks + " " + Hostile.Ansi),
        },
        new()
        {
            Url = "file:///srv/pages/unpartnered.html",
            Verdict = PageVerdict.Compliant,
            Original = Original with { Reporters = ["Micaela Burrow", "Aleš Vávra"] },
            Requirements =
            [
                RequirementOutcome.Pass("logo", "logo seen"),
                RequirementOutcome.Pass("byline", "credits both reporters"),
                RequirementOutcome.Pass("affiliation", "names DCNF"),
            ],
        },
    ];

    private static OriginalInfo Original { get; } = new(
        "Iran Sending Hundreds Of Armed Drones To Russia",
        "https://dailycallernewsfoundation.org/2022/07/11/iran-sending-hundreds-of-armed-drones-to-russia/",
        ["Micaela Burrow"],
        0.97);
}
