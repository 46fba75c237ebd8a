using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// An audit that renders its pages in Chromium (saved pages render offline, their stylesheet beside them): the
/// screenshots of the failing page reach the reports, the history, <c>evidence</c> and a partner's case file.
/// </summary>
public sealed class RenderedAuditTests
{
    private const string Partner = "Tri-County Herald";

    [Test]
    public async Task A_logo_hidden_by_the_partners_stylesheet_fails_and_its_case_file_holds_every_part()
    {
        if (!File.Exists("/usr/bin/chromium"))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail("/usr/bin/chromium is missing (.ci/run installs it)");
            }

            Assert.Ignore("/usr/bin/chromium is missing");
        }

        using var folder = new AuditFolder();
        var page = await File.ReadAllTextAsync(RepoPaths.Page("wordpress-compliant.html"));
        await File.WriteAllTextAsync(folder.File("hidden-logo.html"), page.Replace("</head>", "<link rel=\"stylesheet\" href=\"theme.css\"></head>", StringComparison.Ordinal));
        await File.WriteAllTextAsync(folder.File("theme.css"), ".dcnf-partner-logo { visibility: hidden }");
        await File.WriteAllTextAsync(folder.List, $"""
            settings:
              originals: ["{RepoPaths.Feed}"]
            partners:
              - name: {Partner}
                contact: licensing@tricountyherald.example
                render: always
                pages: [hidden-logo.html]
            """);

        var reports = folder.File("reports");
        var audit = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--format", "json,html", "--output-dir", reports);
        Assert.That(audit.ExitCode, Is.EqualTo(1), audit.Stderr);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(reports, "report.json")));
        var result = json.RootElement.GetProperty("pages")[0];
        var logo = result.GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "logo");
        Assert.That(logo.GetProperty("status").GetString(), Is.EqualTo("fail"));
        Assert.That(logo.GetRawText(), Does.Contain("rendered: visibility:hidden"));
        var shots = result.GetProperty("rendered").GetProperty("screenshots").EnumerateArray().ToList();
        Assert.That(shots.Select(s => s.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "article", "viewport" }));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(reports, "report.html")), Does.Contain("data:image/png;base64,"));

        // evidence gives the screenshots back, named by their SHA-256.
        var shotsFolder = folder.File("shots");
        var evidence = await CliRunner.RunAsync("evidence", "hidden-logo.html", "--history", folder.History, "--screenshots", shotsFolder);
        Assert.That(evidence.ExitCode, Is.EqualTo(0), evidence.Stderr);
        foreach (var shot in shots)
        {
            var sha = shot.GetProperty("sha256").GetString()!;
            var file = Path.Combine(shotsFolder, $"{shot.GetProperty("name").GetString()}-{sha}.png");
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file))), Is.EqualTo(sha));
            Assert.That(evidence.Stdout, Does.Contain(sha));
        }

        // The case file, as a zip: the letter, the screenshots, the archived page, and sums over every file.
        var zipPath = folder.File("case.zip");
        var caseFile = await CliRunner.RunAsync("casefile", Partner, "--history", folder.History, "--output", zipPath);
        Assert.That(caseFile.ExitCode, Is.EqualTo(0), caseFile.Stderr);
        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(names, Does.Contain("index.html").And.Contain("SHA256SUMS").And.Contain("case.json"));
        Assert.That(names.Count(n => n.StartsWith("screenshots/", StringComparison.Ordinal) && n.EndsWith(".png", StringComparison.Ordinal)), Is.EqualTo(2));
        var archived = names.Single(n => n.StartsWith("archived/", StringComparison.Ordinal));
        Assert.That(Read(zip, archived), Is.EqualTo(await File.ReadAllBytesAsync(folder.File("hidden-logo.html"))), "the page exactly as fetched");
        foreach (var line in Encoding.UTF8.GetString(Read(zip, "SHA256SUMS")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (sum, name) = (line[..64], line[66..]);
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(Read(zip, name))), Is.EqualTo(sum), name);
        }

        var letter = Encoding.UTF8.GetString(Read(zip, "index.html"));
        Assert.That(letter, Does.Contain("licensing@tricountyherald.example").And.Contain(Partner));
        Assert.That(letter, Does.Contain("All republished articles must include our logo, our reporter's byline and their DCNF affiliation."));
        Assert.That(letter, Does.Contain("logo: fail — since ").And.Contain("SHA-256 " + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(folder.File("hidden-logo.html"))))));
        Assert.That(letter, Does.Contain("<img src=\"screenshots/"));

        // As a folder too; an unknown partner is a usage error naming the known ones.
        var caseFolder = folder.File("case");
        Assert.That((await CliRunner.RunAsync("casefile", Partner, "--history", folder.History, "--output", caseFolder)).ExitCode, Is.EqualTo(0));
        Assert.That(File.Exists(Path.Combine(caseFolder, "index.html")) && Directory.GetFiles(Path.Combine(caseFolder, "screenshots")).Length == 2);
        var unknown = await CliRunner.RunAsync("casefile", "Nobody", "--history", folder.History, "--output", folder.File("x.zip"));
        Assert.That(unknown.ExitCode, Is.EqualTo(3));
        Assert.That(unknown.Stderr, Does.Contain("no partner \"Nobody\"").And.Contain(Partner));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
