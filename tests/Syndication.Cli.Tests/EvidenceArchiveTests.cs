using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>The evidence archive: the exact bytes the tool saw on a non-compliant page, their SHA-256 and fetch time; retention.</summary>
public sealed class EvidenceArchiveTests
{
    private static readonly DateTimeOffset FirstNight = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_archived_fetch_is_the_exact_bytes_with_their_hash_and_time_and_retention_drops_only_closed_findings()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        var fixedLater = folder.Page("hidden-logo.html", "blox-logo-hidden-by-css.html");
        var stillOpen = folder.Page("wrong-person.html", "wordpress-byline-wrong-person.html");
        var seen = await File.ReadAllBytesAsync(fixedLater);
        folder.WriteList([("Tri-County Herald", ["good.html", "hidden-logo.html", "wrong-person.html"])]);
        var clock = new FakeTimeProvider(FirstNight);
        var audit = await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History);
        Assert.That(audit.ExitCode, Is.EqualTo(1), audit.Stderr);

        var file = folder.File("seen.html");
        var evidence = await CliRunner.RunAsync("evidence", "hidden-logo.html", "--history", folder.History, "--output", file);
        Assert.That(evidence.ExitCode, Is.EqualTo(0), evidence.Stderr);
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(seen), "exactly the fetched bytes");
        var lines = Fields(evidence.Stdout);
        Assert.That(lines["sha256"], Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)))));
        Assert.That(lines["fetched at"], Is.EqualTo("2026-11-20T02:00:00Z"));
        Assert.That(lines["page"], Is.EqualTo("hidden-logo.html"), "as the list writes it");
        Assert.That(lines["partner"], Is.EqualTo("Tri-County Herald"));
        Assert.That(lines["run"], Is.EqualTo("1"));
        Assert.That(lines["bytes"], Is.EqualTo(seen.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // The partner changes the page: the dispute is settled from what the tool saw, not from what is there now.
        folder.Page("hidden-logo.html", "blox-first-name-only.html");
        clock.Advance(TimeSpan.FromDays(1));
        audit = await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History);
        Assert.That(audit.ExitCode, Is.EqualTo(1), audit.Stderr);
        Assert.That((await CliRunner.RunAsync("evidence", "hidden-logo.html", "--run", "1", "--history", folder.History, "--output", file)).ExitCode, Is.EqualTo(0));
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(seen), "run 1's fetch, although the page has changed since");
        evidence = await CliRunner.RunAsync("evidence", "hidden-logo.html", "--history", folder.History, "--output", file);
        Assert.That(Fields(evidence.Stdout)["run"], Is.EqualTo("2"), "by default the latest fetch");
        Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(await File.ReadAllBytesAsync(fixedLater)));
        Assert.That(Fields(evidence.Stdout)["fetched at"], Is.EqualTo("2026-11-21T02:00:00Z"));

        // A compliant page has no evidence: only non-compliant pages are archived.
        var none = await CliRunner.RunAsync("evidence", "good.html", "--history", folder.History);
        Assert.That(none.ExitCode, Is.EqualTo(3));
        Assert.That(none.Stderr, Does.Contain("no archived fetch for \"good.html\""));

        // Night 3, it is fixed; with no retention its evidence goes, while the finding still open keeps its own.
        folder.Page("hidden-logo.html", "blox-lazy-logo-compliant.html");
        clock.Advance(TimeSpan.FromDays(1));
        audit = await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History, "--keep-evidence-days", "0");
        Assert.That(audit.ExitCode, Is.EqualTo(0), audit.Stderr);
        none = await CliRunner.RunAsync("evidence", "hidden-logo.html", "--history", folder.History);
        Assert.That(none.ExitCode, Is.EqualTo(3), none.Stdout);
        Assert.That(none.Stderr, Does.Contain("no archived fetch for \"hidden-logo.html\""));
        foreach (var run in new[] { "1", "2", "3" })
        {
            evidence = await CliRunner.RunAsync("evidence", "wrong-person.html", "--run", run, "--history", folder.History, "--output", file);
            Assert.That(evidence.ExitCode, Is.EqualTo(0), $"run {run}: {evidence.Stderr}");
            Assert.That(await File.ReadAllBytesAsync(file), Is.EqualTo(await File.ReadAllBytesAsync(stillOpen)));
        }
    }

    [Test]
    public async Task Evidence_is_kept_for_the_retention_period_after_a_finding_is_fixed()
    {
        using var folder = new AuditFolder();
        folder.Page("hidden-logo.html", "blox-logo-hidden-by-css.html");
        folder.WriteList([("Tri-County Herald", ["hidden-logo.html"])]);
        var clock = new FakeTimeProvider(FirstNight);
        Assert.That((await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History)).ExitCode, Is.EqualTo(1));

        folder.Page("hidden-logo.html", "blox-lazy-logo-compliant.html");
        clock.Advance(TimeSpan.FromDays(30));
        Assert.That((await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History, "--keep-evidence-days", "31")).ExitCode, Is.EqualTo(0));
        Assert.That((await CliRunner.RunAsync("evidence", "hidden-logo.html", "--history", folder.History)).ExitCode, Is.EqualTo(0), "30 days old, kept for 31");

        clock.Advance(TimeSpan.FromDays(2));
        Assert.That((await CliRunner.RunAsync(clock, "audit", folder.List, "--history", folder.History, "--keep-evidence-days", "31")).ExitCode, Is.EqualTo(0));
        Assert.That((await CliRunner.RunAsync("evidence", "hidden-logo.html", "--history", folder.History)).ExitCode, Is.EqualTo(3), "32 days old: dropped");
    }

    /// <summary>The "name: value" lines of the evidence command.</summary>
    private static Dictionary<string, string> Fields(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0] != "header")
            .GroupBy(parts => parts[0].Trim())
            .ToDictionary(g => g.Key, g => g.First()[1].Trim());
}
