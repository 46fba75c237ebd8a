using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// What changed since the last complete run, night after night: new, persisting (since when, for how many runs),
/// fixed; a page that cannot be read is neither; --confirm-after and --fail-on set what fails the job.
/// </summary>
public sealed class ChangeTrackingTests
{
    private static readonly DateTimeOffset FirstNight = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Violations_are_new_then_persisting_then_fixed_and_an_unreadable_page_is_neither()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.Page("first-name.html", "blox-first-name-only.html");
        folder.Page("wrong-affiliation.html", "ghost-affiliation-the-daily-caller.html");
        folder.WriteList([("Plains Reporter", ["good.html", "no-logo.html"]), ("Tri-County Herald", ["first-name.html", "wrong-affiliation.html"])]);
        var clock = new FakeTimeProvider(FirstNight);
        var night = new Nights(folder, clock);

        // Night 1: every violation is new; the default --fail-on new fails the job.
        var (code, report) = await night.AuditAsync();
        Assert.That(code, Is.EqualTo(1));
        AssertPage(report.Page("no-logo.html"), "non-compliant", "new", FirstNight, runs: 1);
        AssertPage(report.Page("first-name.html"), "non-compliant", "new", FirstNight, runs: 1);
        AssertPage(report.Page("good.html"), "compliant", "same", FirstNight, runs: null);
        var logo = JsonReport.Requirement(report.Page("no-logo.html"), "logo");
        Assert.That(logo.GetProperty("status").GetString(), Is.EqualTo("fail"));
        Assert.That(logo.GetProperty("change").GetString(), Is.EqualTo("new"));
        Assert.That(logo.GetProperty("runs").GetInt32(), Is.EqualTo(1));
        Assert.That(JsonReport.Requirement(report.Page("no-logo.html"), "byline").GetProperty("change").GetString(), Is.EqualTo("same"));

        // Night 2, nothing changed: persisting since night 1, seen in 2 runs; nothing new, so the job passes...
        clock.Advance(TimeSpan.FromDays(1));
        (code, report) = await night.AuditAsync();
        Assert.That(code, Is.EqualTo(0), "--fail-on new: nothing is new");
        AssertPage(report.Page("no-logo.html"), "non-compliant", "persisting", FirstNight, runs: 2);
        AssertPage(report.Page("first-name.html"), "non-compliant", "persisting", FirstNight, runs: 2);
        Assert.That(JsonReport.Requirement(report.Page("no-logo.html"), "logo").GetProperty("change").GetString(), Is.EqualTo("persisting"));
        AssertPage(report.Page("good.html"), "compliant", "same", FirstNight, runs: null);

        // ...unless every open violation fails it.
        clock.Advance(TimeSpan.FromDays(1));
        (code, report) = await night.AuditAsync("--fail-on", "any");
        Assert.That(code, Is.EqualTo(1), "--fail-on any: persisting violations fail the job");
        AssertPage(report.Page("no-logo.html"), "non-compliant", "persisting", FirstNight, runs: 3);

        // Night 4: the partner fixes its logo, and another page cannot be read.
        clock.Advance(TimeSpan.FromDays(1));
        var fourthNight = clock.GetUtcNow();
        folder.Page("no-logo.html", "wordpress-compliant.html");
        folder.Remove("wrong-affiliation.html");
        (code, report) = await night.AuditAsync();
        Assert.That(code, Is.EqualTo(2), "nothing new, but a page could not be checked");
        AssertPage(report.Page("no-logo.html"), "compliant", "fixed", fourthNight, runs: null);
        Assert.That(JsonReport.Requirement(report.Page("no-logo.html"), "logo").GetProperty("change").GetString(), Is.EqualTo("fixed"));
        var unreadable = report.Page("wrong-affiliation.html");
        Assert.That(unreadable.GetProperty("verdict").GetString(), Is.EqualTo("error"));
        Assert.That(unreadable.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("not-found"));
        Assert.That(unreadable.GetProperty("change").GetString(), Is.EqualTo("same"), "an unreadable page is neither fixed nor new");
        Assert.That(Since(unreadable), Is.EqualTo(FirstNight), "its violation's start is kept");

        // Night 5: it is back, still non-compliant: the same violation goes on, it is not new.
        clock.Advance(TimeSpan.FromDays(1));
        folder.Page("wrong-affiliation.html", "ghost-affiliation-the-daily-caller.html");
        (code, report) = await night.AuditAsync();
        Assert.That(code, Is.EqualTo(0));
        AssertPage(report.Page("wrong-affiliation.html"), "non-compliant", "persisting", FirstNight, runs: 4);
        AssertPage(report.Page("no-logo.html"), "compliant", "same", fourthNight, runs: null);
    }

    [Test]
    public async Task With_confirm_after_2_a_violation_is_new_on_its_second_night_and_a_one_night_blip_is_never_reported()
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.Page("blip.html", "blox-logo-hidden-by-css.html");
        folder.WriteList([("Plains Reporter", ["no-logo.html", "blip.html"])]);
        var clock = new FakeTimeProvider(FirstNight);
        var night = new Nights(folder, clock);

        var (code, report) = await night.AuditAsync("--confirm-after", "2");
        Assert.That(code, Is.EqualTo(0), "an unconfirmed violation does not fail --fail-on new");
        var first = report.Page("no-logo.html");
        Assert.That(first.GetProperty("change").GetString(), Is.EqualTo("same"));
        Assert.That(first.GetProperty("confirmed").GetBoolean(), Is.False);
        Assert.That(report.Page("blip.html").GetProperty("confirmed").GetBoolean(), Is.False);

        clock.Advance(TimeSpan.FromDays(1));
        folder.Page("blip.html", "blox-lazy-logo-compliant.html");
        (code, report) = await night.AuditAsync("--confirm-after", "2");
        Assert.That(code, Is.EqualTo(1), "confirmed on the second night: new");
        var second = report.Page("no-logo.html");
        AssertPage(second, "non-compliant", "new", FirstNight, runs: 2);
        Assert.That(second.GetProperty("confirmed").GetBoolean(), Is.True);
        var blip = report.Page("blip.html");
        Assert.That(blip.GetProperty("verdict").GetString(), Is.EqualTo("compliant"));
        Assert.That(blip.GetProperty("change").GetString(), Is.EqualTo("same"), "never confirmed, so never fixed either");

        clock.Advance(TimeSpan.FromDays(1));
        (code, report) = await night.AuditAsync("--confirm-after", "2");
        Assert.That(code, Is.EqualTo(0));
        AssertPage(report.Page("no-logo.html"), "non-compliant", "persisting", FirstNight, runs: 3);
    }

    [Test]
    public async Task Fail_on_never_exits_0_with_new_violations_and_a_bad_value_lists_the_valid_ones()
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["no-logo.html"])]);
        var night = new Nights(folder, new FakeTimeProvider(FirstNight));

        var (code, report) = await night.AuditAsync("--fail-on", "never");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(report.Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));

        var bad = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--fail-on", "sometimes");
        Assert.That(bad.ExitCode, Is.EqualTo(3));
        Assert.That(bad.Stderr, Does.Contain("--fail-on 'sometimes'").And.Contain("new, any, never"));
    }

    [Test]
    public async Task Without_history_every_violation_counts_as_new_and_no_change_is_reported()
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["no-logo.html"])]);

        var result = await CliRunner.RunAsync("audit", folder.List, "--no-history", "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(JsonReport.Parse(result.Stdout).Page("no-logo.html").GetProperty("change").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(File.Exists(folder.History), Is.False);
        Assert.That(Directory.GetFiles(folder.Path, "*.db").Where(f => !f.EndsWith(".catalogue.db", StringComparison.Ordinal)), Is.Empty, "--no-history writes no history file (the catalogue of originals is kept)");
    }

    private static void AssertPage(JsonElement page, string verdict, string change, DateTimeOffset since, int? runs)
    {
        var url = page.GetProperty("url").GetString();
        Assert.That(page.GetProperty("verdict").GetString(), Is.EqualTo(verdict), url);
        Assert.That(page.GetProperty("change").GetString(), Is.EqualTo(change), url);
        Assert.That(Since(page), Is.EqualTo(since), url + " since");
        if (runs is { } n)
        {
            Assert.That(page.GetProperty("runs").GetInt32(), Is.EqualTo(n), url + " runs");
        }
        else
        {
            Assert.That(page.TryGetProperty("runs", out _), Is.False, url + " has no streak");
        }
    }

    private static DateTimeOffset Since(JsonElement page) =>
        DateTimeOffset.Parse(page.GetProperty("since").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The nightly job of one partner list: the same history, the clock the test moves.</summary>
    private sealed class Nights(AuditFolder folder, TimeProvider clock)
    {
        public async Task<(int Code, JsonReport Report)> AuditAsync(params string[] options)
        {
            var result = await CliRunner.RunAsync(clock, ["audit", folder.List, "--history", folder.History, "--format", "json", .. options]);
            Assert.That(result.ExitCode, Is.Not.EqualTo(3), result.Stderr);
            return (result.ExitCode, JsonReport.Parse(result.Stdout));
        }
    }
}
