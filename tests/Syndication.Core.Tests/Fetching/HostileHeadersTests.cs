using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Fetching;

/// <summary>
/// A run against a real server that answers every page with a random mix of status, content type, charset,
/// content encoding (true or lying), Retry-After and Location: every page still ends with a verdict or a documented
/// error kind, none with "internal" (a bug of ours), and no fetch problem becomes an accusation.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class HostileHeadersTests
{
    private static readonly string Compliant = File.ReadAllText(RepoPaths.Samples("pages", "wordpress-compliant.html"));

    private static readonly int[] Statuses = [200, 200, 200, 200, 203, 204, 301, 302, 303, 307, 308, 400, 404, 410, 418, 429, 500, 503, 599];

    private static readonly string?[] ContentTypes =
    [
        null, "text/html", "text/html; charset=utf-8", "TEXT/HTML;CHARSET=\"UTF-8\"", "text/html; charset=bogus", "text/html; charset=",
        "text/html;;;", "application/xhtml+xml", "text/plain", "application/json", "image/png", "text/html; charset=utf-16", ";", "x/y/z",
    ];

    private static readonly string?[] Encodings = [null, null, "gzip", "br", "deflate", "identity", "gzip, identity", "bogus", "gzip (lying)"];

    // A Retry-After beyond the cap pauses the whole host (one host here): FetcherFaultTests covers that on its own.
    private static readonly string?[] RetryAfters = [null, "0", "1", "-5", "soon", "Wed, 21 Oct 2015 07:28:00 GMT", "1.5", "1, 2"];

    private static readonly string[] Locations = ["/p0", "p1", "//", "http://", "http://[::1", "javascript:alert(1)", "file:///etc/passwd", "http://169.254.169.254/", "?q=1", "", "%zz", "http://example.invalid:99999/"];

    private static readonly HashSet<string> Documented =
    [
        ErrorKinds.Timeout, ErrorKinds.RateLimited, ErrorKinds.TooLarge, ErrorKinds.NotHtml, ErrorKinds.HttpStatus, ErrorKinds.BlockedAddress,
        ErrorKinds.Robots, ErrorKinds.Tls, ErrorKinds.Dns, ErrorKinds.Redirects, ErrorKinds.Connection, ErrorKinds.Empty, ErrorKinds.Read,
    ];

    [TestCase(1)]
    [TestCase(2)]
    public async Task Every_page_ends_with_a_verdict_or_a_documented_error(int seed)
    {
        await using var server = await FaultServer.StartAsync();
        var random = new Random(seed);
        var scripts = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var status = Statuses[random.Next(Statuses.Length)];
            var contentType = ContentTypes[random.Next(ContentTypes.Length)];
            var encoding = Encodings[random.Next(Encodings.Length)];
            var retryAfter = RetryAfters[random.Next(RetryAfters.Length)];
            var location = Locations[random.Next(Locations.Length)];
            scripts.Add($"/p{i}: {status} {contentType} {encoding} retry-after={retryAfter} location={location}");
            server.Route($"/p{i}", async context =>
            {
                context.Response.StatusCode = status;
                if (contentType is not null)
                {
                    context.Response.Headers.ContentType = contentType;
                }

                if (retryAfter is not null)
                {
                    context.Response.Headers.RetryAfter = retryAfter;
                }

                if (status is >= 300 and < 400)
                {
                    context.Response.Headers.Location = location;
                    return;
                }

                if (status == 204)
                {
                    return;
                }

                var body = Encoding.UTF8.GetBytes(Compliant);
                if (encoding is not null)
                {
                    context.Response.Headers.ContentEncoding = encoding.Replace(" (lying)", string.Empty, StringComparison.Ordinal);
                    body = encoding switch
                    {
                        "gzip" or "gzip, identity" => Compress(body, s => new GZipStream(s, CompressionLevel.Fastest)),
                        "br" => Compress(body, s => new BrotliStream(s, CompressionLevel.Fastest)),
                        "deflate" => Compress(body, s => new ZLibStream(s, CompressionLevel.Fastest)),
                        _ => body,
                    };
                }

                await context.Response.Body.WriteAsync(body);
            });
        }

        var targets = Enumerable.Range(0, 60).Select(i => PageTarget.Of(server.Url($"/p{i}").ToString())).ToList();
        var summary = await TlsAndRunTests.Run(targets, concurrency: 16, perHost: 16, timeout: TimeSpan.FromSeconds(5));

        var pages = summary.Pages.ToList();
        Assert.That(pages, Has.Count.EqualTo(60), "every page has a result");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            if (page.Error is { } error)
            {
                Assert.That(Documented, Does.Contain(error.Kind), $"{scripts[i]} -> {error.Kind}: {error.Message}");
                Assert.That(error.Message, Is.Not.Empty.And.Not.Contain('\n'), scripts[i]);
            }
            else if (scripts[i].Contains("charset=utf-16", StringComparison.Ordinal))
            {
                // UTF-8 bytes served as UTF-16: a browser decodes them as UTF-16 too, and shows no article at all.
                Assert.That(page.Verdict, Is.EqualTo(PageVerdict.NotApplicable), $"{scripts[i]} -> {VerdictNames.Of(page.Verdict)} {page.Note}");
            }
            else
            {
                Assert.That(page.Verdict, Is.EqualTo(PageVerdict.Compliant), $"{scripts[i]} -> {VerdictNames.Of(page.Verdict)} {page.Note}: a page that arrived whole is the compliant sample");
            }

        }

        Assert.That(pages.Count(p => p.Error is null), Is.GreaterThan(5), "pages got through");
        Assert.That(pages.Where(p => p.Error is not null).Select(p => p.Error!.Kind).Distinct().Count(), Is.GreaterThanOrEqualTo(4), "the faults are varied");
        Assert.That(pages.Count(p => p.Error is not null), Is.GreaterThan(0), "some pages were refused");
    }

    [TestCase(200, null, "gzip", "User-agent: *\nAllow: /\n")]
    [TestCase(200, null, "br", "\u0000\u0001garbage")]
    [TestCase(200, null, null, "User-agent: *\nDisallow: /*$*$*$\nAllow: /p\n\u0000")]
    [TestCase(200, "text/html", null, "<html><body>Not a robots file</body></html>")]
    [TestCase(301, null, null, "http://[::1")]
    [TestCase(302, null, null, "file:///etc/passwd")]
    [TestCase(302, null, null, "/robots.txt")]
    [TestCase(307, null, null, "http://169.254.169.254/robots.txt")]
    [TestCase(204, null, null, "")]
    [TestCase(429, null, null, "")]
    [TestCase(503, null, null, "")]
    public async Task A_hostile_robots_txt_ends_the_page_with_a_documented_answer(int status, string? contentType, string? encoding, string bodyOrLocation)
    {
        await using var server = await FaultServer.StartAsync();
        server.Route("/robots.txt", async context =>
        {
            context.Response.StatusCode = status;
            if (status is >= 300 and < 400)
            {
                context.Response.Headers.Location = bodyOrLocation;
                return;
            }

            if (contentType is not null)
            {
                context.Response.ContentType = contentType;
            }

            if (encoding is not null)
            {
                context.Response.Headers.ContentEncoding = encoding;
            }

            await context.Response.WriteAsync(bodyOrLocation);
        });
        server.Html("/p", Compliant);
        var summary = await TlsAndRunTests.Run([PageTarget.Of(server.Url("/p").ToString())], concurrency: 1, perHost: 1, timeout: TimeSpan.FromSeconds(5));
        var page = summary.Pages.Single();
        Assert.That(page.Error is null ? page.Verdict == PageVerdict.Compliant : Documented.Contains(page.Error.Kind), $"{page.Error?.Kind}: {page.Error?.Message}");
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> wrap)
    {
        using var memory = new MemoryStream();
        using (var stream = wrap(memory))
        {
            stream.Write(body);
        }

        return memory.ToArray();
    }
}
