using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// Mistakes in a partner list get a clear answer and the rest of the night goes on: a page without its scheme, a
/// malformed entry, a folder given as the list, a checkout moved elsewhere. Through the real executable.
/// </summary>
public sealed class ListMistakeTests
{
    [Test]
    public async Task A_page_without_its_scheme_is_refused_by_line_and_every_other_page_is_checked_then_exit_3()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("bad.html", "wordpress-no-logo.html");
        File.WriteAllText(folder.List, $"""
            settings:
              originals: ["{RepoPaths.Feed}"]
            partners:
              - name: Plains Reporter
                pages:
                  - good.html
                  - www.plainsreporter.example/2022/07/12/iran-drones/
                  - bad.html
              - name: Coastal Ledger
                colour: blue
                pages: [good.html]
              - name: Tri-County Herald
                pages:
                  - url: ftp://tricounty.example/story
                  - file: ./good.html
            """);

        var result = await CliRunner.RunProcessAsync("audit", folder.List, "--history", folder.History, "--format", "json", "--output", folder.File("report.json"));

        Assert.That(result.ExitCode, Is.EqualTo(3), "a nightly job must not pass with a broken list\n" + result.Stderr);
        var lines = result.Stderr.Split('\n');
        Assert.That(lines, Has.One.Contains($"{folder.List}:7: partners[0].pages[1]: \"www.plainsreporter.example/2022/07/12/iran-drones/\" has no scheme and is no file; did you mean https://www.plainsreporter.example/2022/07/12/iran-drones/?: entry refused"));
        Assert.That(lines, Has.One.Contains($"{folder.List}:10: partners[1]: unknown key 'colour'"));
        Assert.That(lines, Has.One.Contains($"{folder.List}:14: partners[2].pages[0]: \"ftp://tricounty.example/story\" is not an http(s) or file URL"));
        Assert.That(lines, Has.One.Contains("3 entr(ies) of").And.Contain("refused"));

        var report = JsonReport.Load(folder.File("report.json"));
        Assert.That(report.Pages.Select(p => (p.GetProperty("partner").GetString(), p.GetProperty("url").GetString(), p.GetProperty("verdict").GetString())), Is.EqualTo(new[]
        {
            ("Plains Reporter", "good.html", "compliant"),
            ("Plains Reporter", "bad.html", "non-compliant"),
        }), "the good entries are audited; ./good.html of the third partner is the same page as the first's, checked once");
        Assert.That(report.Complete, Is.True);
    }

    [Test]
    public async Task A_csv_row_without_its_scheme_is_refused_by_line_and_the_other_rows_are_checked_then_exit_3()
    {
        using var folder = new AuditFolder();
        folder.Page("good.html", "wordpress-compliant.html");
        folder.Page("bad.html", "wordpress-no-logo.html");
        var list = folder.File("partners.csv");
        File.WriteAllText(list, "partner,page\nPlains Reporter,good.html\nPlains Reporter,plainsreporter.example/story\n,bad.html\nCoastal Ledger,bad.html\n");

        var result = await CliRunner.RunProcessAsync("audit", list, "--originals", RepoPaths.Feed, "--history", folder.History, "--format", "json", "--output", folder.File("report.json"));

        Assert.That(result.ExitCode, Is.EqualTo(3), "the pages alone would exit 1; the broken rows make it 3\n" + result.Stderr);
        var lines = result.Stderr.Split('\n');
        Assert.That(lines, Has.One.Contains($"{list}:3: column page: \"plainsreporter.example/story\" has no scheme and is no file; did you mean https://plainsreporter.example/story?: entry refused"));
        Assert.That(lines, Has.One.Contains($"{list}:4: column partner: the row has a page or a site but no partner"));
        Assert.That(lines, Has.One.Contains($"2 entr(ies) of {list} refused").And.Contain("(the pages alone would exit 1)"));

        var report = JsonReport.Load(folder.File("report.json"));
        Assert.That(report.Pages.Select(p => (p.GetProperty("partner").GetString(), p.GetProperty("url").GetString(), p.GetProperty("verdict").GetString())), Is.EqualTo(new[]
        {
            ("Plains Reporter", "good.html", "compliant"),
            ("Coastal Ledger", "bad.html", "non-compliant"),
        }));

        // The night is recorded whole: the next night, with the list fixed, sees the same violation as persisting.
        File.WriteAllText(list, "partner,page\nPlains Reporter,good.html\nCoastal Ledger,bad.html\n");
        var fixedList = await CliRunner.RunProcessAsync("audit", list, "--originals", RepoPaths.Feed, "--history", folder.History, "--format", "json", "--output", folder.File("night2.json"));
        Assert.That(fixedList.ExitCode, Is.EqualTo(0), "nothing new, nothing refused\n" + fixedList.Stderr);
        Assert.That(JsonReport.Load(folder.File("night2.json")).Page("bad.html").GetProperty("change").GetString(), Is.EqualTo("persisting"));
    }

    [Test]
    public async Task A_list_whose_every_entry_is_refused_stops_at_once()
    {
        using var folder = new AuditFolder();
        File.WriteAllText(folder.List, "partners:\n  - name: A\n    pages: [partner.example/story]\n");
        var result = await CliRunner.RunProcessAsync("audit", folder.List, "--history", folder.History);
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.TrimEnd('\n'), Is.EqualTo($"syndication: {folder.List}:3: partners[0].pages[0]: \"partner.example/story\" has no scheme and is no file; did you mean https://partner.example/story?"));
        Assert.That(File.Exists(folder.History), Is.False, "no run began");
    }

    [Test]
    public async Task A_folder_given_as_the_list_says_so_and_names_the_list_inside()
    {
        using var folder = new AuditFolder();
        folder.WriteList([("A", ["a.html"])]);
        var result = await CliRunner.RunProcessAsync("audit", folder.Path);
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.TrimEnd('\n'), Is.EqualTo($"syndication: {folder.Path} is a folder, not a partner list; did you mean {folder.List}?"));

        using var empty = new TempFolder();
        var none = await CliRunner.RunProcessAsync("audit", empty.Path);
        Assert.That(none.Stderr, Does.Contain($"{empty.Path} is a folder, not a partner list: give the list's YAML or CSV file"));
    }

    [Test]
    public async Task A_checkout_moved_elsewhere_keeps_its_findings()
    {
        using var parent = new TempFolder();
        var before = Path.Combine(parent.Path, "checkout");
        var after = Path.Combine(parent.Path, "moved", "checkout");
        Directory.CreateDirectory(Path.Combine(before, "pages"));
        File.Copy(RepoPaths.Page("wordpress-no-logo.html"), Path.Combine(before, "pages", "no-logo.html"));
        File.WriteAllText(Path.Combine(before, "partners.yaml"), $"settings:\n  originals: [\"{RepoPaths.Feed}\"]\npartners:\n  - name: A\n    pages: [pages/no-logo.html]\n");

        var first = await CliRunner.RunProcessAsync("audit", Path.Combine(before, "partners.yaml"), "--format", "json", "--output", Path.Combine(before, "night1.json"));
        Assert.That(first.ExitCode, Is.EqualTo(1), first.Stderr);
        Assert.That(JsonReport.Load(Path.Combine(before, "night1.json")).Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("new"));

        Directory.CreateDirectory(Path.GetDirectoryName(after)!);
        Directory.Move(before, after);
        var second = await CliRunner.RunProcessAsync("audit", Path.Combine(after, "partners.yaml"), "--format", "json", "--output", Path.Combine(after, "night2.json"));
        Assert.That(second.ExitCode, Is.EqualTo(0), "nothing new: the same page, moved with its list\n" + second.Stderr);
        var page = JsonReport.Load(Path.Combine(after, "night2.json")).Page("no-logo.html");
        Assert.That(page.GetProperty("url").GetString(), Is.EqualTo("pages/no-logo.html"), "keyed and shown as the list writes it");
        Assert.That(page.GetProperty("change").GetString(), Is.EqualTo("persisting"));
    }

    [Test]
    public async Task A_history_keyed_by_absolute_paths_is_keyed_again_as_the_list_writes_them()
    {
        using var folder = new AuditFolder();
        var page = folder.Page("no-logo.html", "wordpress-no-logo.html");
        folder.WriteList([("A", [page])]);
        var first = await CliRunner.RunProcessAsync("audit", folder.List, "--history", folder.History);
        Assert.That(first.ExitCode, Is.EqualTo(1), first.Stderr);

        folder.WriteList([("A", ["no-logo.html"])]);
        var second = await CliRunner.RunProcessAsync("audit", folder.List, "--history", folder.History, "--format", "json", "--output", folder.File("night2.json"));
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Stderr);
        Assert.That(second.Stderr, Does.Contain("1 file page(s) of the history are now keyed relative to"));
        Assert.That(JsonReport.Load(folder.File("night2.json")).Page("no-logo.html").GetProperty("change").GetString(), Is.EqualTo("persisting"));

        var timeline = await CliRunner.RunProcessAsync("history", "no-logo.html", "--history", folder.History);
        Assert.That(timeline.Stdout.Split('\n').Count(l => l.TrimStart().StartsWith("run ", StringComparison.Ordinal)), Is.EqualTo(2), "one timeline across the re-keying\n" + timeline.Stdout);
    }

    [Test]
    public async Task A_page_without_its_scheme_on_the_command_line_is_an_error_page_that_says_which_address()
    {
        var result = await CliRunner.RunProcessAsync("check", "--originals", RepoPaths.Feed, "www.partner.example/2022/07/12/iran-drones/", RepoPaths.Page("wordpress-compliant.html"));
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stdout, Does.Contain("did you mean https://www.partner.example/2022/07/12/iran-drones/?"));
        Assert.That(result.Stdout, Does.Contain("1 compliant"));
    }
}
