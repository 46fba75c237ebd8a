using Syndication.Cli.Tests.Support;
using Syndication.History;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// A page the partner list names more than once, as the same URL written other ways (a #fragment, a trailing slash)
/// or as a thousand copies: fetched once, reported and recorded once for its first entry, and a warning names both
/// entries of each repeat.
/// </summary>
public sealed class DuplicatePageTests
{
    [Test]
    public async Task A_page_listed_again_is_checked_once_reported_once_and_each_repeat_is_named_with_both_entries()
    {
        await using var server = await SamplePageServer.StartAsync();
        using var folder = new AuditFolder();
        var page = server.Url(1, "a/wordpress-no-logo.html");
        var other = server.Url(1, "b/wordpress-compliant.html");

        // Lines 6 to 8, 11 and 14 to 1013 of the list (AuditFolder writes one page a line).
        folder.WriteList([
            ("Plains Reporter", [page, page + "#comments", other]),
            ("Tri-County Herald", [page + "/"]),
            ("Copy Desk", [.. Enumerable.Repeat(page, 1_000)]),
        ]);
        string[] audit = ["audit", folder.List, "--history", folder.History, "--format", "json", "--output-dir", folder.File("reports"), "--allow-private-networks", "--ignore-robots"];

        var result = await CliRunner.RunProcessAsync(audit);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.NonCompliant), result.Stderr);
        Assert.That(server.Received, Is.EqualTo(2), "each page fetched once");
        var report = JsonReport.Load(Path.Combine(folder.File("reports"), "report.json"));
        Assert.That(report.Pages.Select(p => $"{p.GetProperty("partner").GetString()} {p.GetProperty("url").GetString()}"), Is.EqualTo(new[] { $"Plains Reporter {page}", $"Plains Reporter {other}" }));
        var warnings = result.Stderr.Split('\n').Where(l => l.Contains(" WRN] ", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Some.EndsWith($"{folder.List}:6 and line 7 list the same page (\"{page}\" for Plains Reporter, \"{page}#comments\" for Plains Reporter): it is checked once, for Plains Reporter"));
        Assert.That(warnings, Has.Some.EndsWith($"{folder.List}:6 and line 11 list the same page (\"{page}\" for Plains Reporter, \"{page}/\" for Tri-County Herald): it is checked once, for Plains Reporter"));
        Assert.That(warnings, Has.Some.EndsWith($"{folder.List}:6 and line 14 list the same page (\"{page}\" for Plains Reporter, \"{page}\" for Copy Desk): it is checked once, for Plains Reporter"));
        Assert.That(warnings, Has.Some.EndsWith($"992 more entries of {folder.List} repeat a page listed before them; each page is checked once, for its first entry"));
        Assert.That(warnings.Count(l => l.Contains("list the same page", StringComparison.Ordinal)), Is.EqualTo(10), "the first ten repeats are named, not a thousand lines");

        using var store = HistoryStore.Open(folder.History, createIfMissing: false);
        Assert.That(store.Runs().Single().Counts.Pages, Is.EqualTo(2), "recorded once");

        // The next night the page persists once: it is not a new violation again under another entry.
        var next = await CliRunner.RunProcessAsync(audit);
        Assert.That(next.ExitCode, Is.EqualTo(ExitCodes.Ok), next.Stderr);
        Assert.That(JsonReport.Load(Path.Combine(folder.File("reports"), "report.json")).Page("a/wordpress-no-logo.html").GetProperty("change").GetString(), Is.EqualTo("persisting"));
    }
}
