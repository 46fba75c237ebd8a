using System.Text.Json;
using Syndication.Pipeline;
using Syndication.Rendering;
using Syndication.Verdicts;

namespace Syndication.History.Tests;

/// <summary>
/// The judged result and its digests cut from the run's result JSON are byte for byte what serialising the judged
/// result gives: what is stored and how old digests are recognised do not depend on which of the two made them.
/// </summary>
public sealed class JudgedJsonTests
{
    private static readonly DateTimeOffset Night = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Results()
    {
        var full = new PageResult
        {
            Url = "https://partner.example/2026/\"quoted\"/é?x=<b>&y=\u2028",
            Partner = "Plains \"Reporter\" — Café",
            Verdict = PageVerdict.NonCompliant,
            Original = new OriginalInfo("Title with \"Change\":1 in it", "https://original.example/a", ["Micaela Burrow", "Émile"], 0.9375),
            Requirements =
            [
                new RequirementOutcome("logo", Outcome.Fail, "no logo; \"Since\":\"x\"", [new Evidence("div.logo > img", "<img src=\"x\">", "text \\ back", "note")])
                {
                    Change = "persisting", Since = Night.AddDays(-3), Streak = 4,
                    Waiver = new WaiverNote("agreed \"fix\"", "editor", new DateOnly(2027, 1, 1), Expired: false),
                },
                new RequirementOutcome("byline", Outcome.Review, "maybe", []) { Change = "new", Since = Night },
                new RequirementOutcome("affiliation", Outcome.Pass, "ok", []),
            ],
            Note = "a note",
            Region = "article.post",
            Fetch = new FetchFacts
            {
                Status = 200, FinalUrl = "https://partner.example/final", Redirects = ["https://partner.example/a"], ContentType = "text/html",
                Encoding = "utf-8", ContentHash = "abc123", Bytes = 12345, ElapsedMs = 123.456, FetchedAt = Night, FromCache = true,
            },
            Rendered = new RenderFacts { Why = "auto: script-built", ElapsedMs = 987.5, Requests = 12, Bytes = 4567, Refused = ["blocked \"x\""], RefusedCount = 1, Elements = 300, Hidden = 12 },
            Change = "persisting",
            Since = Night.AddDays(-3),
            Streak = 4,
            Confirmed = true,
            Found = new FoundNote(Night, "sitemap \"news\"", New: true),
            Position = 41,
            Body = [1, 2, 3],
            Headers = new Dictionary<string, string> { ["x"] = "y" },
        };
        yield return new TestCaseData(full).SetName("every field");
        yield return new TestCaseData(full with { Fetch = null, Rendered = null, Requirements = [] }).SetName("no fetch, no requirements");
        yield return new TestCaseData(full with { Fetch = new FetchFacts { ElapsedMs = 0 }, Change = null, Since = null, Streak = null, Confirmed = null, Position = null }).SetName("nothing of a run's");
        yield return new TestCaseData(PageResult.Failed(new PageTarget(Syndication.Fetching.PageAddress.Parse("https://partner.example/x"), "Partner"), "http-status", "404 Not Found")).SetName("an error");
        yield return new TestCaseData(full with { Position = 0, Requirements = [new RequirementOutcome("logo", Outcome.Pass, "ok", []) { Streak = 2 }] }).SetName("position first, a streak alone");
    }

    [TestCaseSource(nameof(Results))]
    public void The_judged_result_cut_from_the_runs_bytes_is_the_judged_result_serialised(PageResult result)
    {
        var json = ResultJson.Bytes(result);
        Assert.That(json, Is.EqualTo(JsonSerializer.SerializeToUtf8Bytes(result.Compact(), ResultSpool.Json)), "the spool's bytes");
        var judged = PageEntry.Judged(result);
        Assert.That(Text(JudgedJson.Judged(json)), Is.EqualTo(Text(JsonSerializer.SerializeToUtf8Bytes(judged.Compact(), ResultSpool.Json))));
        Assert.That(JudgedJson.Digest(json, keepBytes: false), Is.EqualTo(PageEntry.Digest(judged)));
        Assert.That(JudgedJson.Digest(json, keepBytes: true), Is.EqualTo(PageEntry.DigestBeforeSchemaSix(judged)));
        Assert.That(HistoryStore.Pack(JudgedJson.Judged(json)), Is.EqualTo(HistoryStore.Pack(judged)), "what is stored");
    }

    [Test]
    public void A_changed_copy_of_a_result_is_serialised_again()
    {
        var result = PageResult.Failed(new PageTarget(Syndication.Fetching.PageAddress.Parse("https://partner.example/x"), "Partner"), "http-status", "404 Not Found");
        var first = ResultJson.Bytes(result);
        Assert.That(ResultJson.Bytes(result), Is.SameAs(first), "the same result: the same bytes");
        var changed = result with { Change = "new" };
        Assert.That(Text(ResultJson.Bytes(changed)), Does.Contain("\"Change\":\"new\""));
        Assert.That(Text(ResultJson.Bytes(result)), Does.Not.Contain("Change"));
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
