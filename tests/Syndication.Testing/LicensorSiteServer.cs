using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndication.Testing;

/// <summary>
/// A licensor's WordPress site on 127.0.0.1 (Kestrel, port 0): a feed paged with ?paged=N, a sitemap index (two post
/// sitemaps and a page sitemap), the REST API (/wp-json/wp/v2/posts with _embed=author, modified_after, X-WP-TotalPages,
/// 400 past the last page; /wp/v2/users/ID) and each post's article page. Feeds and sitemaps answer If-None-Match with
/// 304. Every request is logged (path and query; robots.txt left out), so a test can assert what a second sync asked for.
/// Post texts are generated from a seed: distinct articles of invented words.
/// </summary>
public sealed class LicensorSiteServer : IAsyncDisposable
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<Post> _posts = [];
    private readonly ConcurrentQueue<string> _requests = new();

    private LicensorSiteServer(WebApplication app) => _app = app;

    public sealed record Post(int Id, string Slug, string Title, IReadOnlyList<string> Authors, IReadOnlyList<string> Paragraphs, DateTimeOffset Published, DateTimeOffset Modified);

    public Uri BaseUrl { get; private set; } = null!;

    public bool Api { get; set; } = true;

    /// <summary>The REST API hides authors (as sites that lock /wp/v2/users do): _embedded authors are errors, /users answers 401.</summary>
    public bool HideAuthors { get; set; }

    public int FeedPageSize { get; set; } = 10;

    /// <summary>How many feed pages the site serves (null: all); a site that does not page its feed serves 1.</summary>
    public int? FeedPages { get; set; }

    public IReadOnlyList<Post> Posts
    {
        get
        {
            lock (_lock)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>The requests seen, in order ("/feed/?paged=2"); robots.txt not included.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void ClearRequests() => _requests.Clear();

    public static async Task<LicensorSiteServer> StartAsync(int posts, int seed = 7)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new LicensorSiteServer(app);
        var text = new InventedText(seed);
        for (var i = 1; i <= posts; i++)
        {
            var published = Epoch + TimeSpan.FromHours(7 * i);
            site._posts.Add(Invent(text, i, published));
        }

        app.Run(site.HandleAsync);
        await app.StartAsync();
        site.BaseUrl = new Uri(app.Urls.First() + "/");
        return site;
    }

    public string Url(Post post) => new Uri(BaseUrl, $"{post.Published:yyyy}/{post.Published:MM}/{post.Published:dd}/{post.Slug}/").AbsoluteUri;

    /// <summary>A licence profile (YAML) whose site is this server: the DCNF names with this site's feed, sitemap index and API.</summary>
    public string Profile(bool api = true, bool feed = true, bool sitemaps = true) =>
        $$"""
        id: dcnf
        licensor: Daily Caller News Foundation
        names: [Daily Caller News Foundation, DCNF]
        notNames: [The Daily Caller, Daily Caller]
        requirements: [logo, byline, affiliation]
        logo:
          fileNames: ['dcnf']
        site:
          url: {{BaseUrl}}
        {{(feed ? $"  feeds: [{BaseUrl}feed/]" : string.Empty)}}
        {{(sitemaps ? $"  sitemaps: [{BaseUrl}sitemap_index.xml]" : string.Empty)}}
        {{(api ? $"  api: {BaseUrl}wp-json/wp/v2/posts" : string.Empty)}}
        """;

    /// <summary>Edits a post: its last paragraph rewritten, its modified date set.</summary>
    public void Edit(int id, DateTimeOffset at)
    {
        lock (_lock)
        {
            var index = _posts.FindIndex(p => p.Id == id);
            var post = _posts[index];
            var paragraphs = post.Paragraphs.ToList();
            paragraphs[^1] = "Correction appended by the editors on review: " + paragraphs[^1];
            _posts[index] = post with { Paragraphs = paragraphs, Modified = at };
        }
    }

    /// <summary>Publishes a new post now (its id after the last).</summary>
    public Post Publish(DateTimeOffset at, int seed)
    {
        lock (_lock)
        {
            var post = Invent(new InventedText(seed), _posts.Max(p => p.Id) + 1, at);
            _posts.Add(post);
            return post;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static Post Invent(InventedText text, int id, DateTimeOffset published)
    {
        var title = text.Title();
        var paragraphs = text.Paragraphs(8);
        var authors = id % 5 == 0 ? new[] { Reporters[id % Reporters.Length], Reporters[(id + 1) % Reporters.Length] } : [Reporters[id % Reporters.Length]];
        return new Post(id, $"story-{id}-{title.Split(' ')[0].ToLowerInvariant()}", title, authors, paragraphs, published, published);
    }

    private static readonly string[] Reporters = ["Micaela Burrow", "Owen Thackeray", "Priya Raman", "Elena Marchetti", "Daniel Okafor", "Jane Doe", "John Roe"];

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path != "/robots.txt")
        {
            _requests.Enqueue(path + context.Request.QueryString.Value);
        }

        var posts = Posts.OrderByDescending(p => p.Published).ToList();
        switch (path)
        {
            case "/feed/":
                await FeedAsync(context, posts);
                return;
            case "/sitemap_index.xml":
                await CachedAsync(context, "application/xml", SitemapIndex(posts));
                return;
            case "/post-sitemap.xml":
                await CachedAsync(context, "application/xml", UrlSet(Half(posts, 0)));
                return;
            case "/post-sitemap2.xml":
                await CachedAsync(context, "application/xml", UrlSet(Half(posts, 1)));
                return;
            case "/page-sitemap.xml":
                await CachedAsync(context, "application/xml", $"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>{BaseUrl}about/</loc></url></urlset>");
                return;
            case "/wp-json/wp/v2/posts" when Api:
                await ApiPostsAsync(context, posts);
                return;
            case "/about/":
                await WriteAsync(context, "text/html; charset=utf-8", "<html><head><title>About</title></head><body><h1>About us</h1><p>We are a newswire.</p></body></html>");
                return;
        }

        if (Api && path.StartsWith("/wp-json/wp/v2/users/", StringComparison.Ordinal))
        {
            var name = int.TryParse(path["/wp-json/wp/v2/users/".Length..], CultureInfo.InvariantCulture, out var user) && user > 0 && user <= Reporters.Length ? Reporters[user - 1] : null;
            if (HideAuthors || name is null)
            {
                context.Response.StatusCode = HideAuthors ? 401 : 404;
                await WriteAsync(context, "application/json", "{\"code\":\"rest_user_cannot_view\"}", status: context.Response.StatusCode);
                return;
            }

            await WriteAsync(context, "application/json", JsonSerializer.Serialize(new { id = user, name }));
            return;
        }

        if (posts.FirstOrDefault(p => new Uri(Url(p)).AbsolutePath == path) is { } article)
        {
            await WriteAsync(context, "text/html; charset=utf-8", Article(article));
            return;
        }

        context.Response.StatusCode = 404;
    }

    private static List<Post> Half(List<Post> posts, int half)
    {
        var byId = posts.OrderBy(p => p.Id).ToList();
        var middle = byId.Count / 2;
        return half == 0 ? byId[..middle] : byId[middle..];
    }

    private async Task FeedAsync(HttpContext context, List<Post> posts)
    {
        var page = int.TryParse(context.Request.Query["paged"], CultureInfo.InvariantCulture, out var n) ? n : 1;
        var items = posts.Skip((page - 1) * FeedPageSize).Take(FeedPageSize).ToList();
        if (items.Count == 0 || page < 1 || page > (FeedPages ?? int.MaxValue))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Licensor</title>");
        xml.Append("<link>").Append(BaseUrl).Append("</link><description>d</description>");
        foreach (var post in items)
        {
            xml.Append("<item><title>").Append(WebUtility.HtmlEncode(post.Title)).Append("</title><link>").Append(Url(post)).Append("</link>");
            foreach (var author in post.Authors)
            {
                xml.Append("<dc:creator><![CDATA[").Append(author).Append("]]></dc:creator>");
            }

            xml.Append("<pubDate>").Append(post.Published.ToString("R", CultureInfo.InvariantCulture)).Append("</pubDate>");
            xml.Append("<guid isPermaLink=\"false\">").Append(BaseUrl).Append("?p=").Append(post.Id).Append("</guid>");
            xml.Append("<content:encoded><![CDATA[").Append(Body(post)).Append("]]></content:encoded></item>");
        }

        xml.Append("</channel></rss>");
        await CachedAsync(context, "application/rss+xml; charset=UTF-8", xml.ToString());
    }

    private async Task ApiPostsAsync(HttpContext context, List<Post> posts)
    {
        var query = context.Request.Query;
        var perPage = int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var pp) ? Math.Clamp(pp, 1, 100) : 10;
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var pg) ? pg : 1;
        IEnumerable<Post> selected = posts.OrderByDescending(p => p.Modified).ThenByDescending(p => p.Id);
        if (DateTimeOffset.TryParse(query["modified_after"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var after))
        {
            selected = selected.Where(p => p.Modified > after);
        }

        var all = selected.ToList();
        var totalPages = Math.Max(1, (all.Count + perPage - 1) / perPage);
        if (page < 1 || page > totalPages)
        {
            await WriteAsync(context, "application/json", "{\"code\":\"rest_post_invalid_page_number\",\"message\":\"The page number requested is larger than the number of pages available.\"}", status: 400);
            return;
        }

        context.Response.Headers["X-WP-Total"] = all.Count.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["X-WP-TotalPages"] = totalPages.ToString(CultureInfo.InvariantCulture);
        var embed = query.ContainsKey("_embed");
        var json = all.Skip((page - 1) * perPage).Take(perPage).Select(p => new Dictionary<string, object?>
        {
            ["id"] = p.Id,
            ["date_gmt"] = p.Published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["modified_gmt"] = p.Modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["link"] = Url(p),
            ["title"] = new { rendered = WebUtility.HtmlEncode(p.Title) },
            ["content"] = new { rendered = Body(p), @protected = false },
            ["author"] = Array.IndexOf(Reporters, p.Authors[0]) + 1,
            ["_embedded"] = embed ? new { author = new object[] { HideAuthors ? new { code = "rest_user_invalid_id" } : new { id = Array.IndexOf(Reporters, p.Authors[0]) + 1, name = p.Authors[0] } } } : null,
        });
        await WriteAsync(context, "application/json; charset=UTF-8", JsonSerializer.Serialize(json));
    }

    private string SitemapIndex(List<Post> posts)
    {
        string Child(string name, IEnumerable<Post> part) =>
            $"<sitemap><loc>{BaseUrl}{name}</loc>{(part.Any() ? $"<lastmod>{part.Max(p => p.Modified):yyyy-MM-dd'T'HH:mm:sszzz}</lastmod>" : string.Empty)}</sitemap>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + Child("post-sitemap.xml", Half(posts, 0)) + Child("post-sitemap2.xml", Half(posts, 1)) + Child("page-sitemap.xml", [])
            + "</sitemapindex>";
    }

    private string UrlSet(IEnumerable<Post> posts) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
        + string.Concat(posts.Select(p => $"<url><loc>{Url(p)}</loc><lastmod>{p.Modified:yyyy-MM-dd'T'HH:mm:sszzz}</lastmod></url>"))
        + "</urlset>";

    private static string Body(Post post) => string.Concat(post.Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

    private static string Article(Post post) =>
        $"""
        <!DOCTYPE html><html><head><title>{WebUtility.HtmlEncode(post.Title)}</title>
        <meta property="og:type" content="article"><meta property="og:title" content="{WebUtility.HtmlEncode(post.Title)}">
        <meta property="article:published_time" content="{post.Published:O}"><meta name="author" content="{string.Join(", ", post.Authors)}"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>{WebUtility.HtmlEncode(post.Title)}</h1>
        <div class="byline">By {string.Join(" and ", post.Authors)}</div>
        <div class="entry-content">{Body(post)}</div></article><footer>Footer text of the site</footer></body></html>
        """;

    private static async Task CachedAsync(HttpContext context, string contentType, string body)
    {
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = 304;
            return;
        }

        context.Response.Headers.ETag = etag;
        await WriteAsync(context, contentType, body);
    }

    private static async Task WriteAsync(HttpContext context, string contentType, string body, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }
}
