using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Syndication.Fetching;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Fetching;

/// <summary>The hardened fetcher against a real server scripting each fault: kind, request count, time taken.</summary>
[TestFixture]
[NonParallelizable]
public sealed class FetcherFaultTests
{
    private const string Page = "<!DOCTYPE html><html><body><p>hello</p></body></html>";
    private FaultServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await FaultServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    private static FetchOptions Options(double timeoutSeconds = 10) => new()
    {
        Addresses = AddressPolicy.PublicAndLoopback,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
        AttemptTimeout = TimeSpan.FromSeconds(Math.Min(5, timeoutSeconds)),
        RetryBaseDelay = TimeSpan.FromMilliseconds(50),
    };

    [Test]
    public async Task A_plain_page_is_fetched_with_the_facts_of_the_fetch()
    {
        _server.Html("/ok", Page);
        var page = await Fetch("/ok");
        Assert.That(page.StatusCode, Is.EqualTo(200));
        Assert.That(page.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.Charset, Is.EqualTo("utf-8"));
        Assert.That(System.Text.Encoding.UTF8.GetString(page.Body), Is.EqualTo(Page));
        Assert.That(_server.Hits("/ok"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_slow_body_hits_the_whole_page_deadline()
    {
        _server.Route("/slow", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 30; i++)
            {
                await context.Response.WriteAsync("x", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(2000, context.RequestAborted);
            }
        });
        var (error, elapsed) = await FetchError("/slow", Options(timeoutSeconds: 3));
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Timeout));
        Assert.That(elapsed.TotalSeconds, Is.InRange(2.5, 6));
        Assert.That(_server.Hits("/slow"), Is.EqualTo(1), "a deadline is not retried");
    }

    [Test]
    public async Task A_server_that_accepts_and_never_answers_times_out()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    accepted.Add(await listener.AcceptSocketAsync());
                }
                catch (Exception)
                {
                    return;
                }
            }
        });
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/silent");
        var options = Options(timeoutSeconds: 4) with { AttemptTimeout = TimeSpan.FromSeconds(1), RespectRobots = false };
        var watch = Stopwatch.StartNew();
        var error = (await Assert.ThrowsAsync<FetchException>(async () => await Fetch(url, options)))!;
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Timeout));
        Assert.That(watch.Elapsed.TotalSeconds, Is.InRange(0.9, 6));
        Assert.That(accepted, Has.Count.GreaterThanOrEqualTo(1));
        accepted.ForEach(s => s.Dispose());
    }

    [Test]
    public async Task Two_503s_then_a_200_is_retried_into_success()
    {
        _server.Statuses("/flaky", Page, 503, 503, 200);
        var page = await Fetch("/flaky");
        Assert.That(page.StatusCode, Is.EqualTo(200));
        Assert.That(_server.Hits("/flaky"), Is.EqualTo(3));
    }

    [Test]
    public async Task Five_hundred_forever_gives_up_after_the_retries()
    {
        _server.Statuses("/broken", Page, 500);
        var (error, _) = await FetchError("/broken");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.HttpStatus));
        Assert.That(error.Message, Does.Contain("HTTP 500").And.Contain("after 4 attempts"));
        Assert.That(_server.Hits("/broken"), Is.EqualTo(4));
    }

    [TestCase(404)]
    [TestCase(410)]
    [TestCase(403)]
    public async Task Client_errors_are_not_retried(int status)
    {
        _server.Statuses("/gone", Page, status);
        var (error, _) = await FetchError("/gone");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.HttpStatus));
        Assert.That(error.Message, Does.Contain($"HTTP {status}"));
        Assert.That(_server.Hits("/gone"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_short_retry_after_is_honoured()
    {
        var first = true;
        _server.Route("/busy", async context =>
        {
            if (first)
            {
                first = false;
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "2";
                return;
            }

            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page);
        });
        var watch = Stopwatch.StartNew();
        var page = await Fetch("/busy");
        Assert.That(page.StatusCode, Is.EqualTo(200));
        Assert.That(watch.Elapsed.TotalSeconds, Is.GreaterThanOrEqualTo(1.9), "waited as asked");
        Assert.That(_server.Hits("/busy"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_page_waiting_for_its_turn_at_the_host_is_not_late_for_its_deadline()
    {
        // One request at a time to the host, each answered in 1.2 s, a deadline of 2 s: the second page waits 1.2 s for
        // its turn, then takes 1.2 s. Its deadline and its time start with its turn, so it is fetched, in about 1.2 s.
        for (var i = 0; i < 2; i++)
        {
            _server.Route($"/slow{i}", async context =>
            {
                await Task.Delay(1200);
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(Page);
            });
        }

        using var fetcher = new HttpFetcher(Options(timeoutSeconds: 2) with { PerHost = 1, RespectRobots = false }, TimeProvider.System);
        var pages = await Task.WhenAll(fetcher.FetchAsync(Address("/slow0"), CancellationToken.None), fetcher.FetchAsync(Address("/slow1"), CancellationToken.None));
        Assert.That(pages.Select(p => p.StatusCode), Is.EqualTo(new[] { 200, 200 }));
        Assert.That(pages.Select(p => p.Elapsed.TotalSeconds), Has.All.LessThan(2), "each page's time is its own request's, not the wait before it");
        Assert.That(_server.MaxInFlight, Is.EqualTo(1), "one at a time all the same");
    }

    [Test]
    public async Task A_long_retry_after_pauses_the_host_and_its_other_pages_are_rate_limited()
    {
        TooManyRequests("/limited", retryAfter: "86400");
        _server.Html("/other", Page);
        using var fetcher = new HttpFetcher(Options(), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        var first = (await Assert.ThrowsAsync<FetchException>(async () => await fetcher.FetchAsync(Address("/limited"), CancellationToken.None)))!;
        var second = (await Assert.ThrowsAsync<FetchException>(async () => await fetcher.FetchAsync(Address("/other"), CancellationToken.None)))!;
        Assert.That(first.Kind, Is.EqualTo(ErrorKinds.RateLimited));
        Assert.That(first.Message, Does.Contain("host paused"));
        Assert.That(second.Kind, Is.EqualTo(ErrorKinds.RateLimited));
        Assert.That(_server.Hits("/limited"), Is.EqualTo(1), "not retried");
        Assert.That(_server.Hits("/other"), Is.Zero, "a paused host is not asked again");
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(3));
    }

    [Test]
    public async Task A_retry_after_longer_than_the_page_deadline_pauses_the_host_at_once()
    {
        TooManyRequests("/limited", retryAfter: "20");
        var (error, elapsed) = await FetchError("/limited", Options(timeoutSeconds: 5));
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.RateLimited), error.Message);
        Assert.That(error.Message, Does.Contain("beyond 5 s: host paused"));
        Assert.That(elapsed.TotalSeconds, Is.LessThan(3), "not waited on until the deadline, then called a timeout");
        Assert.That(_server.Hits("/limited"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_redirect_loop_is_detected()
    {
        _server.Redirect("/a", "/b");
        _server.Redirect("/b", "/a");
        var (error, _) = await FetchError("/a");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Redirects));
        Assert.That(error.Message, Does.Contain("loop"));
        Assert.That(_server.Hits("/a") + _server.Hits("/b"), Is.LessThanOrEqualTo(3));
    }

    [Test]
    public async Task A_fifteen_hop_chain_stops_after_ten_redirects()
    {
        for (var i = 0; i < 15; i++)
        {
            _server.Redirect($"/hop{i}", $"/hop{i + 1}");
        }

        _server.Html("/hop15", Page);
        var (error, _) = await FetchError("/hop0");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Redirects));
        Assert.That(error.Message, Does.Contain("more than 10 redirects"));
        Assert.That(Enumerable.Range(0, 16).Sum(i => _server.Hits($"/hop{i}")), Is.EqualTo(11));
        Assert.That(_server.Hits("/hop15"), Is.Zero);
    }

    [Test]
    public async Task A_followed_redirect_records_the_chain_and_final_url()
    {
        _server.Redirect("/old", "/middle", 301);
        _server.Redirect("/middle", _server.Url("/new").ToString(), 308);
        _server.Html("/new", Page);
        var page = await Fetch("/old");
        Assert.That(page.Redirects, Is.EqualTo(new[] { _server.Url("/middle").ToString(), _server.Url("/new").ToString() }));
        Assert.That(page.FinalLocation, Is.EqualTo(_server.Url("/new").ToString()));
    }

    [TestCase("http://169.254.169.254/latest/meta-data/", "link-local")]
    [TestCase("http://10.0.0.5/admin", "private")]
    [TestCase("http://[::ffff:10.0.0.5]/admin", "private")]
    [TestCase("http://[fd00::1]/", "unique-local")]
    public async Task A_redirect_to_an_internal_address_is_refused_before_connecting(string target, string range)
    {
        _server.Redirect("/evil", target);
        var (error, elapsed) = await FetchError("/evil");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.BlockedAddress));
        Assert.That(error.Message, Does.Contain(range));
        Assert.That(elapsed.TotalSeconds, Is.LessThan(2), "refused at once, not after a connect timeout");
    }

    [Test]
    public async Task A_redirect_to_a_file_url_is_refused()
    {
        _server.Redirect("/passwd", "file:///etc/passwd");
        var (error, _) = await FetchError("/passwd");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Redirects));
        Assert.That(error.Message, Does.Contain("file: URL"));
    }

    [Test]
    public async Task Loopback_is_refused_by_default()
    {
        _server.Html("/ok", Page);
        var (error, _) = await FetchError("/ok", Options() with { Addresses = AddressPolicy.PublicOnly });
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.BlockedAddress));
        Assert.That(error.Message, Does.Contain("127.0.0.1 is a loopback address").And.Contain("--allow-private-networks"));
        Assert.That(_server.Hits("/ok"), Is.Zero);
    }

    [Test]
    public async Task A_gzip_bomb_stops_at_the_size_cap()
    {
        var bomb = await GzipOfZeros(1L << 30);
        _server.Route("/bomb", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        });
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (error, elapsed) = await FetchError("/bomb");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.TooLarge));
        Assert.That(error.Message, Does.Contain("decompressed"));
        Assert.That(elapsed.TotalSeconds, Is.LessThan(5));
        Assert.That(GC.GetTotalMemory(forceFullCollection: true) - before, Is.LessThan(64L << 20), "the bomb was not expanded in memory");
    }

    [Test]
    public async Task An_endless_chunked_body_stops_at_the_size_cap()
    {
        _server.Route("/endless", async context =>
        {
            context.Response.ContentType = "text/html";
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'a');
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        var (error, elapsed) = await FetchError("/endless");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.TooLarge));
        Assert.That(elapsed.TotalSeconds, Is.LessThan(5));
    }

    [Test]
    public async Task A_ten_gigabyte_content_length_is_refused_without_reading()
    {
        _server.Route("/huge", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = 10L * 1024 * 1024 * 1024;
            await context.Response.WriteAsync("<html>", context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        });
        var (error, elapsed) = await FetchError("/huge");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.TooLarge));
        Assert.That(error.Message, Does.Contain("Content-Length"));
        Assert.That(elapsed.TotalSeconds, Is.LessThan(2));
    }

    [TestCase("image/png")]
    [TestCase("application/pdf")]
    [TestCase("application/json")]
    public async Task Other_content_types_are_not_read(string type)
    {
        _server.Route("/file", async context =>
        {
            context.Response.ContentType = type;
            await context.Response.Body.WriteAsync(new byte[2 * 1024 * 1024], context.RequestAborted);
        });
        var (error, _) = await FetchError("/file");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.NotHtml));
        Assert.That(error.Message, Does.Contain(type));
        Assert.That(_server.Hits("/file"), Is.EqualTo(1));
    }

    [Test]
    public async Task Robots_disallow_all_is_honoured_and_the_page_never_requested()
    {
        _server.Route("/robots.txt", context => context.Response.WriteAsync("User-agent: *\nDisallow: /\n"));
        _server.Html("/article", Page);
        var (error, _) = await FetchError("/article");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Robots));
        Assert.That(error.Message, Does.Contain("disallows /article"));
        Assert.That(_server.Hits("/article"), Is.Zero);

        using var fetcher = new HttpFetcher(Options(), TimeProvider.System);
        var allowed = await fetcher.FetchAsync(new FetchRequest(Address("/article"), IgnoreRobots: true), CancellationToken.None);
        Assert.That(allowed.StatusCode, Is.EqualTo(200), "a partner set to 'robots: ignore' is fetched");
    }

    [Test]
    public async Task A_document_fetched_to_a_file_is_kept_in_the_runs_folder_while_read_and_removed_after()
    {
        _server.Text("/sitemap.xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>", "application/xml");
        using var folder = new TempFolder();
        using var fetcher = new HttpFetcher(Options() with { SpoolDirectory = folder.Path }, TimeProvider.System);

        using (var document = await fetcher.FetchDocumentAsync(new FetchRequest(Address("/sitemap.xml")) { Accepts = FetchRequest.Sitemap }, CancellationToken.None))
        {
            Assert.That(document.Length, Is.GreaterThan(0));
            Assert.That(Directory.GetFiles(folder.Path, "syndication-*.spool"), Has.Length.EqualTo(1), "in the run's folder (a killed run's folder is removed by the next run), not the temporary folder");
        }

        Assert.That(Directory.GetFiles(folder.Path), Is.Empty);
    }

    [Test]
    public async Task A_robots_txt_that_lies_about_its_compression_disallows_the_host_until_it_can_be_read()
    {
        _server.Route("/robots.txt", async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.WriteAsync("User-agent: *\nAllow: /\n");
        });
        _server.Html("/article", Page);
        var (error, _) = await FetchError("/article");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Robots));
        Assert.That(error.Message, Does.Contain("robots.txt does not decompress"));
        Assert.That(_server.Hits("/article"), Is.Zero);
    }

    [Test]
    public async Task An_oversized_robots_txt_is_read_up_to_its_cap_and_its_rules_hold()
    {
        var robots = "User-agent: *\nDisallow: /private\n" + string.Concat(Enumerable.Repeat("# padding line of a very long robots.txt\n", 20_000));
        _server.Route("/robots.txt", context => context.Response.WriteAsync(robots));
        _server.Html("/private", Page);
        _server.Html("/public", Page);
        var (error, _) = await FetchError("/private");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Robots));
        Assert.That((await Fetch("/public")).StatusCode, Is.EqualTo(200));
        Assert.That(_server.Hits("/private"), Is.Zero);
    }

    [Test]
    public async Task Robots_txt_is_read_once_per_host()
    {
        _server.Route("/robots.txt", context => context.Response.WriteAsync("User-agent: syndication\nDisallow: /private\n"));
        _server.Html("/one", Page);
        _server.Html("/two", Page);
        using var fetcher = new HttpFetcher(Options(), TimeProvider.System);
        await fetcher.FetchAsync(Address("/one"), CancellationToken.None);
        await fetcher.FetchAsync(Address("/two"), CancellationToken.None);
        Assert.That(_server.Hits("/robots.txt"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unchanged_page_is_answered_from_the_cache_with_a_conditional_request()
    {
        var asked = _server.Versioned("/cached", Page, "\"v1\"");
        using var folder = new TempFolder();
        var options = Options() with { CacheDirectory = folder.Path };
        using (var first = new HttpFetcher(options, TimeProvider.System))
        {
            Assert.That((await first.FetchAsync(Address("/cached"), CancellationToken.None)).FromCache, Is.False);
        }

        using var second = new HttpFetcher(options, TimeProvider.System);
        var again = await second.FetchAsync(Address("/cached"), CancellationToken.None);
        var ifNoneMatch = asked()[^1];
        Assert.That(ifNoneMatch, Is.EqualTo("\"v1\""));
        Assert.That(again.FromCache, Is.True);
        Assert.That(again.StatusCode, Is.EqualTo(304));
        Assert.That(System.Text.Encoding.UTF8.GetString(again.Body), Is.EqualTo(Page));
    }

    [Test]
    public async Task A_page_behind_a_redirect_is_answered_from_the_cache_and_a_lost_body_is_fetched_again()
    {
        _server.Redirect("/old", "/new", 301);
        var asked = _server.Versioned("/new", Page, "\"v1\"");
        int ConditionalAsks() => asked().Count(value => value == "\"v1\"");
        using var folder = new TempFolder();
        var options = Options() with { CacheDirectory = folder.Path };
        using (var first = new HttpFetcher(options, TimeProvider.System))
        {
            Assert.That((await first.FetchAsync(Address("/old"), CancellationToken.None)).FromCache, Is.False);
        }

        using var second = new HttpFetcher(options, TimeProvider.System);
        var again = await second.FetchAsync(Address("/old"), CancellationToken.None);
        Assert.That(ConditionalAsks(), Is.EqualTo(1), "the validators go to the final address, not to the redirecting one");
        Assert.That(again.FromCache, Is.True);
        Assert.That(again.FinalLocation, Is.EqualTo(_server.Url("/new").AbsoluteUri));
        Assert.That(again.Redirects, Has.Count.EqualTo(1));
        Assert.That(System.Text.Encoding.UTF8.GetString(again.Body), Is.EqualTo(Page));

        foreach (var body in Directory.GetFiles(folder.Path, "*.body.gz"))
        {
            File.Delete(body);
        }

        var refetched = await second.FetchAsync(Address("/old"), CancellationToken.None);
        Assert.That(ConditionalAsks(), Is.EqualTo(2), "asked conditionally, then again without validators");
        Assert.That(refetched.FromCache, Is.False);
        Assert.That(System.Text.Encoding.UTF8.GetString(refetched.Body), Is.EqualTo(Page));
    }

    [Test]
    public async Task The_user_agent_names_the_tool_and_a_contact()
    {
        string? agent = null;
        string? robotsAgent = null;
        _server.Route("/robots.txt", async context =>
        {
            robotsAgent = context.Request.Headers.UserAgent;
            await context.Response.WriteAsync("User-agent: *\nAllow: /\n");
        });
        _server.Route("/ua", async context =>
        {
            agent = context.Request.Headers.UserAgent;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Page);
        });
        await Fetch("/ua");
        Assert.That(agent, Does.StartWith("syndication/").And.Contain("+https://"));
        Assert.That(robotsAgent, Is.EqualTo(agent), "robots.txt is asked for under the same name");
    }

    [TestCase("gzip")]
    [TestCase("br")]
    [TestCase("deflate")]
    public async Task A_body_that_lies_about_its_compression_is_a_read_error(string encoding)
    {
        _server.Route("/liar", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = encoding;
            await context.Response.WriteAsync(Page);
        });
        var (error, _) = await FetchError("/liar");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Read));
        Assert.That(error.Message, Does.Contain("does not decompress as its Content-Encoding says"));
    }

    [TestCase("http://[::1")]
    [TestCase("http://example.invalid:99999/")]
    public async Task A_redirect_to_no_valid_url_is_a_redirects_error(string location)
    {
        _server.Redirect("/bad", location);
        var (error, _) = await FetchError("/bad");
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Redirects));
        Assert.That(error.Message, Does.Contain("which is not a valid URL"));
    }

    /// <summary>A route that answers every request with 429 and the given Retry-After.</summary>
    private void TooManyRequests(string path, string retryAfter) => _server.Route(path, context =>
    {
        context.Response.StatusCode = 429;
        context.Response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    });

    private Task<FetchedPage> Fetch(string path, FetchOptions? options = null) => Fetch(_server.Url(path), options ?? Options());

    private static async Task<FetchedPage> Fetch(Uri url, FetchOptions options)
    {
        using var fetcher = new HttpFetcher(options, TimeProvider.System);
        return await fetcher.FetchAsync(new FetchRequest(PageAddress.Parse(url.ToString())), CancellationToken.None);
    }

    private async Task<(FetchException Error, TimeSpan Elapsed)> FetchError(string path, FetchOptions? options = null)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await Fetch(path, options);
        }
        catch (FetchException e)
        {
            Assert.That(e.Message, Does.Not.Contain('\n'));
            return (e, watch.Elapsed);
        }

        Assert.Fail($"{path} was fetched; a FetchException was expected");
        throw new InvalidOperationException();
    }

    private PageAddress Address(string path) => PageAddress.Parse(_server.Url(path).ToString());

    private static readonly Dictionary<long, byte[]> Bombs = [];

    private static async Task<byte[]> GzipOfZeros(long size)
    {
        if (Bombs.TryGetValue(size, out var cached))
        {
            return cached;
        }

        using var memory = new MemoryStream();
        await using (var gzip = new GZipStream(memory, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.Length)
            {
                await gzip.WriteAsync(zeros);
            }
        }

        return Bombs[size] = memory.ToArray();
    }
}
