using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>audit --partner NAME and --page GLOB: one partner's pages, or the pages a glob matches, through the executable.</summary>
public sealed class AuditFilterTests
{
    [Test]
    public async Task A_run_over_one_partner_checks_its_pages_and_the_next_whole_night_still_compares_with_the_last()
    {
        using var folder = new AuditFolder();
        folder.Page("herald-a.html", "wordpress-compliant.html");
        folder.Page("herald-b.html", "wordpress-no-logo.html");
        folder.Page("ledger-a.html", "ghost-no-byline.html");
        folder.WriteList([("Herald", ["herald-a.html", "herald-b.html"]), ("Coastal Ledger", ["ledger-a.html"])]);

        var night1 = await CliRunner.RunProcessAsync("audit", folder.List, "--format", "json", "--output", folder.File("night1.json"));
        Assert.That(night1.ExitCode, Is.EqualTo(1), night1.Stderr);

        // The Ledger fixes its page; checked alone, with its name as typed by someone in a hurry.
        folder.Page("ledger-a.html", "wordpress-compliant.html");
        var part = await CliRunner.RunProcessAsync("audit", folder.List, "--partner", "coastal ledger", "--format", "json", "--output", folder.File("part.json"));
        Assert.That(part.ExitCode, Is.EqualTo(0), part.Stderr);
        Assert.That(part.Stderr, Does.Contain("Auditing 1 page(s) of 1 partner(s)").And.Contain("only those of coastal ledger"));
        var partReport = JsonReport.Load(folder.File("part.json"));
        Assert.That(partReport.Pages.Select(p => p.GetProperty("url").GetString()), Is.EqualTo(new[] { "ledger-a.html" }));
        Assert.That(partReport.Page("ledger-a.html").GetProperty("change").GetString(), Is.EqualTo("fixed"), "compared with the history like any run");

        var runs = await CliRunner.RunProcessAsync("runs", folder.List);
        Assert.That(runs.Stdout, Does.Contain("part").And.Contain("(pages of coastal ledger)"), runs.Stdout);

        // The next whole night: Herald's violation is old news, the Ledger's fix stands, and diff skips the part run.
        var night3 = await CliRunner.RunProcessAsync("audit", folder.List, "--format", "json", "--output", folder.File("night3.json"));
        Assert.That(night3.ExitCode, Is.EqualTo(0), "nothing new\n" + night3.Stderr);
        var report = JsonReport.Load(folder.File("night3.json"));
        Assert.That(report.Page("herald-b.html").GetProperty("change").GetString(), Is.EqualTo("persisting"));
        Assert.That(report.Page("ledger-a.html").GetProperty("verdict").GetString(), Is.EqualTo("compliant"));
        var diff = await CliRunner.RunProcessAsync("diff", folder.List);
        Assert.That(diff.Stdout, Does.StartWith("run 1 -> run 3: 0 new, 1 fixed"), diff.Stdout + diff.Stderr);
    }

    [Test]
    public async Task A_page_glob_checks_the_pages_it_matches_as_the_list_writes_them()
    {
        using var folder = new AuditFolder();
        Directory.CreateDirectory(folder.File("2024"));
        folder.Page("2024/a.html", "wordpress-compliant.html");
        folder.Page("2024/b.html", "wordpress-no-logo.html");
        folder.Page("old.html", "wordpress-no-logo.html");
        folder.WriteList([("Herald", ["2024/a.html", "old.html"]), ("Coastal Ledger", ["2024/b.html"])]);

        var result = await CliRunner.RunProcessAsync("audit", folder.List, "--page", "2024/*", "--no-history", "--format", "json", "--output", folder.File("r.json"));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        Assert.That(JsonReport.Load(folder.File("r.json")).Pages.Select(p => (p.GetProperty("partner").GetString(), p.GetProperty("url").GetString())), Is.EqualTo(new[]
        {
            ("Herald", "2024/a.html"),
            ("Coastal Ledger", "2024/b.html"),
        }));

        var both = await CliRunner.RunProcessAsync("audit", folder.List, "--partner", "Herald", "--page", "2024/*", "--page", "*OLD*", "--no-history", "--format", "json", "--output", folder.File("both.json"));
        Assert.That(JsonReport.Load(folder.File("both.json")).Pages.Select(p => p.GetProperty("url").GetString()), Is.EqualTo(new[] { "2024/a.html", "old.html" }), both.Stderr);
    }

    [TestCase(new[] { "--partner", "Heralt" }, "no partner \"Heralt\" in LIST; did you mean Herald?")]
    [TestCase(new[] { "--page", "*2023*" }, "LIST has no page matching *2023*")]
    [TestCase(new[] { "--partner", "Herald", "--shard", "1/2" }, "--shard cannot be combined with --partner or --page")]
    public async Task A_filter_that_selects_nothing_is_one_line_and_exit_3(string[] filter, string expected)
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.WriteList([("Herald", ["a.html"])]);
        var result = await CliRunner.RunProcessAsync(["audit", folder.List, .. filter]);
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.TrimEnd('\n'), Does.StartWith("syndication: " + expected.Replace("LIST", folder.List, StringComparison.Ordinal)));
        Assert.That(File.Exists(folder.File("partners.history.db")), Is.False, "no run began");
    }
}
