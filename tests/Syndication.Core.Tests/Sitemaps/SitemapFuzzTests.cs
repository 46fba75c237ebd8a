using System.Text;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Sitemaps;

namespace Syndication.Core.Tests.Sitemaps;

/// <summary>
/// A damaged sitemap (cut off, mangled, hostile pieces inserted) never throws: the reader yields what it could read
/// and reports one line per problem naming the sitemap. Seeded random edits of a news sitemap index and urlset.
/// </summary>
public sealed class SitemapFuzzTests
{
    private const string Site = "https://partner.example";

    private static readonly string[] Pieces =
    [
        "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "\"", "=", "/", "\u0000", "\uFEFF", "é",
        "<url>", "</url>", "<loc>", "</loc>", "<sitemap>", "<lastmod>2099-99-99</lastmod>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;",
        "javascript:", "//evil.example/", "../", "\u2028", "<news:title>", "xmlns:news=\"y\"",
    ];

    private const string UrlSet = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>{Site}/2024/05/01/drones/</loc><lastmod>2024-05-01T10:30:00+02:00</lastmod>
        <news:news><news:publication><news:name>Partner</news:name><news:language>en</news:language></news:publication>
        <news:publication_date>2024-05-01</news:publication_date><news:title>Iran Sending Drones</news:title></news:news></url>
        <url><loc>{Site}/2024/05/02/hospitals/</loc><lastmod>2024-05-02</lastmod></url>
        <url><loc>{Site}/2024/05/03/schools/</loc><lastmod>2024-05-03</lastmod></url>
        </urlset>
        """;

    private const string Index = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>{Site}/posts.xml</loc><lastmod>2024-05-03</lastmod></sitemap>
        <sitemap><loc>{Site}/pages.xml</loc></sitemap>
        </sitemapindex>
        """;

    [TestCase(1, true)]
    [TestCase(2, false)]
    [TestCase(3, true)]
    public async Task A_damaged_sitemap_yields_what_it_can_and_reports_the_rest_in_one_line_each(int seed, bool damageIndex)
    {
        var random = new Random(seed);
        var (clean, damaged) = (0, 0);
        for (var round = 0; round < 200; round++)
        {
            var documents = new Dictionary<string, string>
            {
                [$"{Site}/sitemap.xml"] = damageIndex ? Damage.Apply(Index, random, 1 + random.Next(4), Pieces, 20) : Index,
                [$"{Site}/posts.xml"] = damageIndex ? UrlSet : Damage.Apply(UrlSet, random, 1 + random.Next(4), Pieces, 20),
                [$"{Site}/pages.xml"] = UrlSet,
            };
            var report = new SitemapReport();
            var entries = new List<SitemapEntry>();
            try
            {
                await foreach (var entry in new SitemapReader(new MemoryDocuments(documents)).ReadAsync($"{Site}/sitemap.xml", report))
                {
                    entries.Add(entry);
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- damaged ---\n{documents[damageIndex ? $"{Site}/sitemap.xml" : $"{Site}/posts.xml"]}");
            }

            foreach (var problem in report.Problems)
            {
                Assert.That(problem.ToString(), Does.StartWith($"sitemap {Site}/").And.Not.Contain('\n').And.Not.Contain('\r'), $"round {round}");
            }

            Assert.That(entries.All(e => e.Location.Scheme is "https" && e.Location.Host == "partner.example"), $"round {round}: only the site's pages");
            if (report.Problems.Count == 0)
            {
                clean++;
            }
            else
            {
                damaged++;
            }
        }

        Assert.That(damaged, Is.GreaterThan(0), "some damage is reported");
        Assert.That(clean, Is.GreaterThan(0), "some damage (inside a title) is harmless");
    }

    /// <summary>Serves documents from memory, as the fetcher would after spooling them.</summary>
    private sealed class MemoryDocuments(Dictionary<string, string> documents) : IDocumentFetcher
    {
        public Task<FetchedDocument> FetchDocumentAsync(FetchRequest request, CancellationToken cancellationToken)
        {
            var url = request.Address.Url!.AbsoluteUri;
            if (!documents.TryGetValue(url, out var text))
            {
                throw new FetchException(Verdicts.ErrorKinds.HttpStatus, "HTTP 404 Not Found");
            }

            var body = Encoding.UTF8.GetBytes(text);
            var facts = new FetchedPage { Address = request.Address, Body = [], FinalLocation = url, StatusCode = 200 };
            return Task.FromResult(new FetchedDocument(facts, new MemoryStream(body), body.Length));
        }
    }
}
