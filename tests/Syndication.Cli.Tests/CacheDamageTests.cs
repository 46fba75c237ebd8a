using System.Security.Cryptography;
using System.Text;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// The conditional cache stands in for a page only when it holds exactly what was fetched: entries cut short,
/// emptied, swapped or overwritten with garbage on the disk give the verdicts of a cold run, and are fetched again.
/// </summary>
public sealed class CacheDamageTests
{
    private static readonly string[] Samples =
    [
        "wordpress-compliant.html", "wordpress-no-logo.html", "amp-compliant.html", "blox-first-name-only.html",
        "ghost-affiliation-the-daily-caller.html", "newspack-two-reporters-one-credited.html", "drupal-first-line-credit-compliant.html", "wordpress-compliant.html",
    ];

    [Test]
    public async Task Damaged_cache_entries_give_the_verdicts_of_a_cold_run_and_are_fetched_again()
    {
        await using var server = await SamplePageServer.StartAsync();
        server.ETags = true;
        using var folder = new TempFolder();
        var cache = folder.File("cache");
        var urls = Samples.Select((sample, i) => server.Url(1, $"p{i}/{sample}")).ToList();
        string[] check = ["check", "--originals", RepoPaths.Feed, "--cache", cache, "--format", "json", "--allow-private-networks", "--ignore-robots", .. urls];

        var cold = Verdicts(await CliRunner.RunProcessAsync(check));
        Assert.That(cold, Does.Contain("compliant").And.Contain("non-compliant"), "a damaged body could turn either into the other");
        Assert.That(Verdicts(await CliRunner.RunProcessAsync(check)), Is.EqualTo(cold));
        Assert.That(server.NotModified, Is.EqualTo(urls.Count), "the warm run was answered 304 for every page");

        // Each entry is a body file (gzip) and the entry that vouches for it (JSON), named by the URL's hash.
        string Body(int i) => Path.Combine(cache, Key(urls[i]) + ".body.gz");
        string Entry(int i) => Path.Combine(cache, Key(urls[i]) + ".json");
        var half = await File.ReadAllBytesAsync(Body(0));
        await File.WriteAllBytesAsync(Body(0), half[..(half.Length / 2)]);
        await File.WriteAllBytesAsync(Body(1), []);
        var (second, third) = (await File.ReadAllBytesAsync(Body(2)), await File.ReadAllBytesAsync(Body(3)));
        await File.WriteAllBytesAsync(Body(2), third);
        await File.WriteAllBytesAsync(Body(3), second);
        await File.WriteAllBytesAsync(Body(4), RandomNumberGenerator.GetBytes(4096));
        await File.WriteAllBytesAsync(Entry(5), RandomNumberGenerator.GetBytes(300));
        await File.WriteAllBytesAsync(Entry(6), []);
        File.Copy(Entry(0), Entry(7), overwrite: true);

        var (notModified, unconditional) = (server.NotModified, server.Unconditional);
        Assert.That(Verdicts(await CliRunner.RunProcessAsync(check)), Is.EqualTo(cold), "the same verdicts as the cold run");
        Assert.That(server.Unconditional - unconditional, Is.EqualTo(urls.Count), "every damaged entry was dropped and its page fetched without validators");
        Assert.That(server.NotModified - notModified, Is.EqualTo(5), "the five damaged bodies were found only after their 304");

        // The cache is whole again.
        notModified = server.NotModified;
        Assert.That(Verdicts(await CliRunner.RunProcessAsync(check)), Is.EqualTo(cold));
        Assert.That(server.NotModified - notModified, Is.EqualTo(urls.Count));
    }

    private static List<string> Verdicts(CliRunner.Result result)
    {
        Assert.That(result.ExitCode, Is.Not.EqualTo(3), result.Stderr);
        return JsonReport.Parse(result.Stdout).Pages.Select(p => p.GetProperty("verdict").GetString()!).ToList();
    }

    private static string Key(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(new Uri(url).AbsoluteUri)));
}
