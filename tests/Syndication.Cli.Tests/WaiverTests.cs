using Microsoft.Extensions.Time.Testing;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>Waivers in the partner list: reported as waived and never hidden, not failing the job until they expire.</summary>
public sealed class WaiverTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);

    private const string Waivers = """
          - partner: Plains Reporter
            requirement: logo
            reason: Their logo slot is being redesigned
            agreedBy: Dana Reyes (licensing)
            expires: 2026-11-21
          - page: hidden-*.html
            reason: Template fix scheduled
            agreedBy: Sam Ortiz
            expires: 2027-03-31

        """;

    [Test]
    public async Task A_waiver_in_force_is_reported_and_does_not_fail_the_job_and_once_expired_it_stops_applying()
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.Page("no-byline.html", "ghost-no-byline.html");
        folder.Page("hidden-logo.html", "blox-logo-hidden-by-css.html");
        folder.Page("good.html", "wordpress-compliant.html");
        folder.WriteList([("Plains Reporter", ["no-logo.html", "good.html"]), ("Tri-County Herald", ["hidden-logo.html"])], Waivers);
        var clock = new FakeTimeProvider(Today);

        var (code, report, console) = await AuditAsync(folder, clock, "--fail-on", "any");
        Assert.That(code, Is.EqualTo(0), "every failure is waived, so even --fail-on any passes");
        var page = report.Page("no-logo.html");
        Assert.That(page.GetProperty("verdict").GetString(), Is.EqualTo("non-compliant"), "waived, not hidden");
        Assert.That(page.GetProperty("waived").GetBoolean(), Is.True);
        var waiver = JsonReport.Requirement(page, "logo").GetProperty("waiver");
        Assert.That(waiver.GetProperty("reason").GetString(), Is.EqualTo("Their logo slot is being redesigned"));
        Assert.That(waiver.GetProperty("agreedBy").GetString(), Is.EqualTo("Dana Reyes (licensing)"));
        Assert.That(waiver.GetProperty("expires").GetString(), Is.EqualTo("2026-11-21"));
        Assert.That(waiver.GetProperty("expired").GetBoolean(), Is.False);
        Assert.That(JsonReport.Requirement(page, "byline").TryGetProperty("waiver", out _), Is.False, "only the failing, waived requirement");
        Assert.That(report.Page("hidden-logo.html").GetProperty("waived").GetBoolean(), Is.True, "a page-pattern waiver covers every requirement");
        Assert.That(console, Does.Contain("waived until 2026-11-21 by Dana Reyes (licensing): Their logo slot is being redesigned"));
        Assert.That(console, Does.Contain("waived until 2027-03-31 by Sam Ortiz: Template fix scheduled"));

        // Two days later the first waiver has run out: shown as expired, no longer applied, the job fails.
        clock.Advance(TimeSpan.FromDays(2));
        (code, report, console) = await AuditAsync(folder, clock, "--fail-on", "any");
        Assert.That(code, Is.EqualTo(1));
        page = report.Page("no-logo.html");
        Assert.That(page.TryGetProperty("waived", out _), Is.False);
        waiver = JsonReport.Requirement(page, "logo").GetProperty("waiver");
        Assert.That(waiver.GetProperty("expired").GetBoolean(), Is.True);
        Assert.That(waiver.GetProperty("expires").GetString(), Is.EqualTo("2026-11-21"));
        Assert.That(console, Does.Contain("waiver expired on 2026-11-21 (Dana Reyes (licensing): Their logo slot is being redesigned)"));
        Assert.That(report.Page("hidden-logo.html").GetProperty("waived").GetBoolean(), Is.True, "the other waiver still holds");

        // The violation is not new (it has been there since the first night), but the expiry is news: --fail-on new fails too.
        clock.Advance(TimeSpan.FromDays(1));
        (code, report, _) = await AuditAsync(folder, clock);
        Assert.That(report.Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("persisting"));
        Assert.That(code, Is.EqualTo(1), "a violation whose waiver ran out fails --fail-on new");
    }

    [Test]
    public async Task A_waiver_for_another_partner_or_requirement_does_not_cover_a_failure()
    {
        using var folder = new AuditFolder();
        folder.Page("no-byline.html", "ghost-no-byline.html");
        folder.Page("herald-no-logo.html", "wordpress-no-logo.html");
        folder.WriteList([("Plains Reporter", ["no-byline.html"]), ("Tri-County Herald", ["herald-no-logo.html"])], Waivers);

        var (code, report, _) = await AuditAsync(folder, new FakeTimeProvider(Today));
        Assert.That(code, Is.EqualTo(1));
        foreach (var name in new[] { "no-byline.html", "herald-no-logo.html" })
        {
            var page = report.Page(name);
            Assert.That(page.TryGetProperty("waived", out _), Is.False, name);
            Assert.That(page.GetProperty("requirements").EnumerateArray().Any(r => r.TryGetProperty("waiver", out _)), Is.False, name);
        }
    }

    [TestCase("partner: Plains Reporter\n    requirement: logos\n", 9, "waivers[0].requirement: unknown requirement 'logos'; {valid}")]
    [TestCase("partner: Plains Reporter\n    expires: 2026-13-01\n", 9, "waivers[0].expires: expected a date like 2027-01-31, not \"2026-13-01\"")]
    [TestCase("partner: Plains Reporter\n    expires: tomorrow\n", 9, "waivers[0].expires: expected a date like 2027-01-31, not \"tomorrow\"")]
    [TestCase("partner: Daily Planet\n", 8, "waivers[0].partner: no partner \"Daily Planet\" in the list")]
    public async Task A_bad_waiver_is_refused_by_the_line_of_the_bad_field_and_the_night_ends_with_exit_3(string waiver, int line, string message)
    {
        using var folder = new AuditFolder();
        folder.Page("no-logo.html", "wordpress-no-logo.html");
        var text = "  - " + waiver + "    reason: r\n    agreedBy: a\n";
        if (!waiver.Contains("expires", StringComparison.Ordinal))
        {
            text += "    expires: 2027-01-31\n";
        }

        folder.WriteList([("Plains Reporter", ["no-logo.html"])], text);

        var result = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--format", "json", "--output", folder.File("report.json"));
        Assert.That(result.ExitCode, Is.EqualTo(3), "the list must be fixed\n" + result.Stderr);
        // The valid ids are the catalogue's, whatever kinds it holds.
        message = message.Replace("{valid}", Syndication.Requirements.RequirementCatalogue.Valid, StringComparison.Ordinal);
        Assert.That(message, Does.Not.Contain("{valid}"));
        Assert.That(result.Stderr.Split('\n'), Has.One.EndsWith($"{folder.List}:{line}: {message}: entry refused; the rest of the list is audited"));
        var page = JsonReport.Load(folder.File("report.json")).Page("no-logo.html");
        Assert.That(page.GetProperty("verdict").GetString(), Is.EqualTo("non-compliant"), "the page is audited, and no refused waiver covers it");
        Assert.That(page.GetProperty("requirements").EnumerateArray().Any(r => r.TryGetProperty("waiver", out _)), Is.False);
    }

    private static async Task<(int Code, JsonReport Report, string Console)> AuditAsync(AuditFolder folder, TimeProvider clock, params string[] options)
    {
        var reports = folder.File("reports");
        var result = await CliRunner.RunAsync(clock, ["audit", folder.List, "--history", folder.History, "--format", "json,console", "--output-dir", reports, .. options]);
        Assert.That(result.ExitCode, Is.Not.EqualTo(3), result.Stderr);
        return (result.ExitCode, JsonReport.Load(Path.Combine(reports, "report.json")), File.ReadAllText(Path.Combine(reports, "report.txt")));
    }
}
