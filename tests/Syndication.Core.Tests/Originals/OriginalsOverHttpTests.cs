using Syndication.Core.Tests.Fetching;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Originals;

namespace Syndication.Core.Tests.Originals;

/// <summary>Originals given by URL: a feed is served under its own media types, not as HTML, and must still load.</summary>
[NonParallelizable]
public sealed class OriginalsOverHttpTests
{
    private FaultServer _server = null!;

    [SetUp]
    public async Task StartServer() => _server = await FaultServer.StartAsync();

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("application/rss+xml")]
    [TestCase("application/xml")]
    [TestCase("text/xml")]
    public async Task A_feed_served_as_a_feed_loads_and_was_asked_for_as_one(string type)
    {
        var feed = await File.ReadAllBytesAsync(RepoPaths.Samples("originals", "feed.xml"));
        string? accept = null;
        _server.Route("/feed", async context =>
        {
            accept = context.Request.Headers.Accept;
            context.Response.ContentType = type + "; charset=utf-8";
            await context.Response.Body.WriteAsync(feed);
        });

        using var fetcher = Fetcher();
        var originals = await new OriginalsLoader(fetcher).LoadAsync([_server.Url("/feed").ToString()], CancellationToken.None);

        Assert.That(originals, Has.Count.EqualTo(Engines.Samples.Count));
        Assert.That(accept, Does.StartWith("application/rss+xml"));
    }

    [Test]
    public async Task An_image_given_as_originals_is_refused_by_its_type_with_a_one_line_reason()
    {
        _server.Route("/feed", async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(new byte[64 * 1024], context.RequestAborted);
        });

        using var fetcher = Fetcher();
        var error = await Assert.ThrowsAsync<OriginalsException>(() => new OriginalsLoader(fetcher).LoadAsync([_server.Url("/feed").ToString()], CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("image/png").And.Contain("not a feed or HTML").And.Not.Contain('\n'));
    }

    private static HttpFetcher Fetcher() => new(new FetchOptions { Addresses = AddressPolicy.PublicAndLoopback }, TimeProvider.System);
}
