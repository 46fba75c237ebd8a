using Syndication.Cli.Tests.Support;
using Syndication.Pipeline;

namespace Syndication.Cli.Tests;

/// <summary>
/// Discovery across shards: a site is searched by the shard that holds its host; the merge gathers every site's
/// account, the unlicensed republications and the ledgers into the main history, from which the next night's shards
/// read what earlier nights learnt.
/// </summary>
public sealed class DiscoveryShardTests
{
    private static readonly DateTimeOffset July = new(2022, 7, 12, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Two_shards_search_their_own_sites_and_the_merge_keeps_what_they_learnt()
    {
        // Two loopback hosts that fall in different shards of two.
        var hosts = Enumerable.Range(1, 6).Select(i => $"127.0.0.{i}").ToList();
        var first = hosts.First(h => new Shard(1, 2).Holds(PageTarget.Of($"http://{h}/")));
        var second = hosts.First(h => new Shard(2, 2).Holds(PageTarget.Of($"http://{h}/")));
        await using var plains = await SiteServer.StartAsync(first);
        await using var coastal = await SiteServer.StartAsync(second);
        await using var copycat = await SiteServer.StartAsync(second);
        Publish(plains, "/2022/07/12/iran-drones/", "wordpress-compliant.html");
        Publish(coastal, "/2022/08/16/hospitals/", "newspack-two-reporters-one-credited.html");
        Publish(copycat, "/copy/", "squarespace-caps-byline-end-compliant.html");

        using var folder = new AuditFolder();
        File.WriteAllText(folder.List, $"""
            settings:
              originals: ["{RepoPaths.Feed}"]
              history: main.db
            partners:
              - name: Plains Reporter
                site: {plains.BaseUrl}
              - name: Coastal Ledger
                site: {coastal.BaseUrl}
            watch:
              - name: Copycat Daily
                site: {copycat.BaseUrl}
            """);
        async Task<JsonReport> NightAsync(int expectedCode)
        {
            foreach (var k in new[] { 1, 2 })
            {
                var shard = await CliRunner.RunAsync("audit", folder.List, "--shard", $"{k}/2", "--history", folder.File($"shard-{k}.db"), "--allow-private-networks", "--format", "json");
                Assert.That(shard.ExitCode, Is.AnyOf(0, 2), shard.Stderr);
            }

            var merge = await CliRunner.RunAsync("merge", folder.File("shard-1.db"), folder.File("shard-2.db"), "--history", folder.File("main.db"), "--format", "json");
            Assert.That(merge.ExitCode, Is.EqualTo(expectedCode), merge.Stderr);
            File.Delete(folder.File("shard-1.db"));
            File.Delete(folder.File("shard-2.db"));
            return JsonReport.Parse(merge.Stdout);
        }

        var night1 = await NightAsync(expectedCode: 1);
        Assert.That(night1.Pages.Select(p => (p.GetProperty("partner").GetString(), p.GetProperty("found").GetProperty("new").GetBoolean())), Is.EqualTo(new[]
        {
            ("Plains Reporter", true), ("Coastal Ledger", true),
        }), "each shard's republications, in list order");
        Assert.That(night1.Root.GetProperty("discovery").EnumerateArray().Select(s => s.GetProperty("name").GetString()), Is.EquivalentTo(new[] { "Plains Reporter", "Coastal Ledger", "Copycat Daily" }));
        Assert.That(night1.Root.GetProperty("unlicensed")[0].GetProperty("url").GetString(), Is.EqualTo(copycat.Url("/copy/")), "the watched site's copy reaches the merged run (and fails it)");

        // Night two, with fresh shard files: the shards read the ledger the merge kept, so nothing is new and no sitemap is read in full again.
        foreach (var server in new[] { plains, coastal, copycat })
        {
            server.ClearLog();
        }

        var night2 = await NightAsync(expectedCode: 0);
        Assert.That(night2.Pages.Select(p => p.GetProperty("found").GetProperty("new").GetBoolean()), Is.EqualTo(new[] { false, false }));
        Assert.That(night2.Root.GetProperty("unlicensed")[0].GetProperty("found").GetProperty("new").GetBoolean(), Is.False);
        Assert.That(plains.Requests.Select(r => (r.Path, r.Status)), Is.EquivalentTo(new[] { ("/robots.txt", 404), ("/sitemap.xml", 304), ("/2022/07/12/iran-drones/", 304) }),
            "the sitemap (unchanged, a 304) lists nothing new; the page found on night one is checked again as the partner's own");
    }

    private static void Publish(SiteServer site, string path, string sample)
    {
        site.Put(path, "text/html; charset=utf-8", File.ReadAllBytes(RepoPaths.Page(sample)));
        site.Put("/sitemap.xml", "application/xml", SitemapXml.UrlSet([new SitemapXml.Url(site.Url(path), July.AddDays(35))]));
    }
}
