using Syndication.DiscoveryDemo;

namespace Syndication.Cli.Tests;

/// <summary>The README's discovery demo (dotnet run --project samples/DiscoveryDemo), on free ports: what it finds, and what each night asks of the two sites.</summary>
public sealed class DiscoveryDemoTests
{
    [Test]
    public async Task The_demo_finds_the_republications_and_the_second_night_asks_only_for_what_changed()
    {
        using var output = new StringWriter();
        using var log = new StringWriter();

        var codes = await Demo.RunAsync(output, log, port: 0);

        var text = output.ToString();
        Assert.That(codes, Is.EqualTo(new[] { 1, 0 }), log.ToString());
        var nights = text.Split("Night 2:");
        Assert.That(Found(nights[0]), Is.EquivalentTo(new[] { "/2022/07/12/iran-drones/", "/2022/08/16/rural-hospitals-staffing/", "/2022/10/05/ranchers-sue-over-lithium-mine/" }));
        Assert.That(nights[0], Does.Contain("NEW  Copycat Daily").And.Contain("/world/drones-for-russia"));
        Assert.That(Requests(nights[0]), Does.Not.Contain("Plains Reporter 200 /2021/03/02/water-board-election/"), "the 2021 archive's pages are older than every original");
        Assert.That(Found(nights[1]), Is.EqualTo(new[] { "/2022/10/06/paper-poll-books/" }), "the rewritten headline is found the night it appears");
        Assert.That(Requests(nights[1]), Is.EquivalentTo(new[]
        {
            "Plains Reporter 200 /robots.txt", "Plains Reporter 200 /sitemap_index.xml", "Plains Reporter 200 /news-sitemap.xml", "Plains Reporter 200 /2022/10/06/paper-poll-books/",
            "Plains Reporter 304 /2022/07/12/iran-drones/", "Plains Reporter 304 /2022/08/16/rural-hospitals-staffing/", "Plains Reporter 304 /2022/10/05/ranchers-sue-over-lithium-mine/",
            "Copycat Daily   404 /robots.txt", "Copycat Daily   404 /sitemap.xml", "Copycat Daily   304 /feed.xml", "Copycat Daily   304 /world/drones-for-russia",
        }));
    }

    /// <summary>The paths of the DISCOVERY block's "+" lines.</summary>
    private static List<string> Found(string night) =>
        [.. night.Split('\n').Where(l => l.StartsWith("    + ", StringComparison.Ordinal)).Select(l => new Uri(l[6..].Split("  ")[0]).AbsolutePath)];

    private static List<string> Requests(string night) =>
        [.. night.Split('\n').SkipWhile(l => !l.StartsWith("Exit code", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l.Trim())];
}
