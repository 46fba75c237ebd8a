using Microsoft.Extensions.Time.Testing;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History.Tests;

/// <summary>A past run's gists read from the history's columns are the gists of its results as they read back.</summary>
public sealed class StoredGistsTests
{
    [Test]
    public void A_past_runs_gists_from_the_columns_are_those_of_its_results()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero));
        using var store = HistoryStore.Open(folder.File("history.db"));
        var waiver = new WaiverNote("agreed", "editor", new DateOnly(2027, 1, 1), Expired: false);
        PageResult[] Night(int n) =>
        [
            Page("bad", PageVerdict.NonCompliant, 10 + n, new RequirementOutcome("logo", Outcome.Fail, "no logo", []), new RequirementOutcome("byline", Outcome.Pass, "ok", [])),
            Page("waived", PageVerdict.NonCompliant, 20, new RequirementOutcome("logo", Outcome.Fail, "no logo", []) { Waiver = waiver }),
            Page("expired", PageVerdict.NonCompliant, 30, new RequirementOutcome("logo", Outcome.Fail, "no logo", []) { Waiver = waiver with { Expired = true } }),
            Page("found", n == 0 ? PageVerdict.NeedsReview : PageVerdict.Compliant, 40, new RequirementOutcome("byline", n == 0 ? Outcome.Review : Outcome.Pass, "?", [])) with { Found = new FoundNote(time.GetUtcNow(), "sitemap", n == 0), Partner = null },
            PageResult.Failed(new PageTarget(Syndication.Fetching.PageAddress.Parse("https://partner.example/gone"), "Other"), "http-status", "404"),
            Page("na", PageVerdict.NotApplicable, 0) with { Fetch = null },
        ];

        for (var n = 0; n < 3; n++)
        {
            var started = time.GetUtcNow();
            var runId = store.BeginRun(started, "partners.yaml", null);
            var recorded = new List<PageResult>();
            using (var recorder = new HistoryRecorder(store, runId, started, confirmAfter: 1))
            {
                var pages = Night(n);
                for (var i = 0; i < pages.Length; i++)
                {
                    recorded.Add(recorder.Process(i, pages[i] with { Position = i }).Compact());
                }
            }

            store.EndRun(runId, RunSummary.Create(started, started.AddMinutes(1), recorded), HistoryStore.Checked);
            store.CompleteRun(runId);
            time.Advance(TimeSpan.FromDays(1));
        }

        for (var run = 1; run <= 3; run++)
        {
            var summary = store.Summary(run);
            var expected = summary.Pages.Select(PageGist.Of).ToList();
            Assert.That(summary.Gists.Select(Fields).ToList(), Is.EqualTo(expected.Select(Fields).ToList()), $"run {run}");
            Assert.That(expected.Select(g => g.Change).Distinct().Count(), Is.GreaterThan(1), "the pages differ in their changes");
        }

        Assert.That(store.Summary(1).Gists.Count(g => g.Discovered), Is.EqualTo(1));
        Assert.That(store.Summary(2).Gists.Count(g => g.Waived), Is.EqualTo(1));
    }

    private static string Fields(PageGist g) =>
        $"{g.Verdict} {g.Partner} {g.Waived} {g.Change} {g.ElapsedMs} {g.Discovered} [{string.Join(",", g.RequirementIds)}] [{string.Join(",", g.Outcomes)}]";

    private static PageResult Page(string name, PageVerdict verdict, double elapsed, params RequirementOutcome[] requirements) => new()
    {
        Url = "https://partner.example/" + name,
        Partner = "Partner",
        Verdict = verdict,
        Fetch = new FetchFacts { ContentHash = name, ElapsedMs = elapsed },
        Requirements = requirements,
    };
}
