using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syndication.Fetching;
using Syndication.Originals;
using Syndication.Profiles;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Catalogue.Sync;

/// <summary>
/// Reads the licensor's posts from the WordPress REST API (<c>/wp-json/wp/v2/posts</c>): newest change first, 100 a
/// page, authors embedded (<c>_embed=author</c>, else <c>/wp/v2/users/ID</c>). After the first sync only what was
/// modified since the last one is asked for (<c>modified_after</c>, a day's overlap), and the read stops at the first
/// older post, so a server that ignores the filter costs one page more, not the whole archive.
/// </summary>
internal sealed partial class WordPressPosts(CatalogueStore store, LicenceProfile profile, IPageFetcher fetcher, SyncOptions options, TimeProvider time)
{
    public const string Watermark = "api.modified";
    private const long MaxPageBytes = 32L * 1024 * 1024;

    private readonly Dictionary<long, string?> _users = [];
    private bool _noAuthorsReported;

    /// <summary>Reads the posts; true when the API was read to its end (every post, or every change since the last sync).</summary>
    public async Task<bool> ReadAsync(Uri api, SyncReport report, CancellationToken cancellationToken)
    {
        var since = options.Full ? null : CatalogueSync.ParseState(store.State(profile.Id, Watermark)) - options.Overlap;
        DateTimeOffset? newest = null;
        var (pages, posts, skipped) = (0, 0, 0);
        var complete = false;
        for (var page = 1; page <= options.MaxApiPages; page++)
        {
            var url = PageUrl(api, page, since);
            FetchedPage fetched;
            try
            {
                fetched = await fetcher.FetchAsync(new FetchRequest(PageAddress.Parse(url.AbsoluteUri)) { Accepts = FetchRequest.Json, MaxBytes = MaxPageBytes }, cancellationToken);
            }
            catch (FetchException e) when (page > 1 && e.Kind == ErrorKinds.HttpStatus && e.Message.StartsWith("HTTP 400", StringComparison.Ordinal))
            {
                // WordPress answers a page past the last with 400 rest_post_invalid_page_number.
                complete = true;
                break;
            }
            catch (FetchException e)
            {
                report.Problem($"REST API {url}: could not be fetched ({e.Kind}): {e.Message}");
                break;
            }

            pages++;
            List<JsonElement> batch;
            try
            {
                using var json = JsonDocument.Parse(fetched.Body, new JsonDocumentOptions { MaxDepth = 64 });
                if (json.RootElement.ValueKind != JsonValueKind.Array)
                {
                    report.Problem($"REST API {url}: not a list of posts (a JSON {json.RootElement.ValueKind.ToString().ToLowerInvariant()})");
                    break;
                }

                batch = json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
            }
            catch (JsonException e)
            {
                report.Problem($"REST API {url}: not JSON: {e.Message}");
                break;
            }

            var originals = new List<Original>();
            var reachedOlder = false;
            foreach (var post in batch)
            {
                var original = await ReadPostAsync(post, api, report, cancellationToken);
                if (original is null)
                {
                    skipped++;
                    continue;
                }

                if (since is { } s && original.Modified is { } m && m < s)
                {
                    reachedOlder = true;
                    break;
                }

                newest = original.Modified is { } modified && (newest is null || modified > newest) ? modified : newest;
                originals.Add(original);
            }

            report.Result.Add(store.Upsert(originals, profile.Id, time.GetUtcNow()));
            posts += originals.Count;
            var lastPage = fetched.Headers.TryGetValue("X-WP-TotalPages", out var total) && int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var totalPages) && page >= totalPages;
            if (reachedOlder || lastPage || batch.Count < options.ApiPageSize)
            {
                complete = true;
                break;
            }
        }

        if (complete && newest is { } watermark)
        {
            var kept = CatalogueSync.ParseState(store.State(profile.Id, Watermark));
            store.SetState(profile.Id, Watermark, CatalogueStore.Time(kept > watermark ? kept.Value : watermark));
        }
        else if (!complete && pages > 0 && report.Complete)
        {
            report.Problem($"REST API {api}: stopped after {options.MaxApiPages:N0} pages; the next sync reads it from the top again", incomplete: false);
        }

        report.Part($"REST API {api}: {pages} page(s), {posts} post(s) {(since is null ? "read" : "changed since the last sync")}{(skipped > 0 ? $", {skipped} without text skipped" : string.Empty)}");
        return complete;
    }

    private Uri PageUrl(Uri api, int page, DateTimeOffset? since)
    {
        var query = $"per_page={options.ApiPageSize}&page={page}&orderby=modified&order=desc&_embed=author";
        if (since is { } s)
        {
            query += "&modified_after=" + Uri.EscapeDataString(s.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return new UriBuilder(api) { Query = string.IsNullOrEmpty(api.Query) ? query : api.Query.TrimStart('?') + "&" + query }.Uri;
    }

    private async Task<Original?> ReadPostAsync(JsonElement post, Uri api, SyncReport report, CancellationToken cancellationToken)
    {
        if (post.ValueKind != JsonValueKind.Object
            || Rendered(post, "content") is not { Length: > 0 } content
            || (post.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.Object && c.TryGetProperty("protected", out var p) && p.ValueKind == JsonValueKind.True))
        {
            return null;
        }

        var title = PlainText(Rendered(post, "title") ?? string.Empty);
        var paragraphs = HtmlParagraphs.From(content);
        if (title.Length == 0 || paragraphs.Count == 0)
        {
            return null;
        }

        var url = String(post, "link");
        var (links, images, captions) = StoryMarkup.ReadFragment(content, url);
        return new Original
        {
            Title = title,
            Url = url,
            Reporters = await AuthorsAsync(post, api, report, cancellationToken),
            Paragraphs = paragraphs,
            Links = links,
            Images = images,
            Captions = captions,
            Published = GmtDate(post, "date_gmt"),
            Modified = GmtDate(post, "modified_gmt"),
            LicensorId = post.TryGetProperty("id", out var id) && id.TryGetInt64(out var number) ? "wp:" + number.ToString(CultureInfo.InvariantCulture) : null,
            Source = new UriBuilder(api) { Query = string.Empty }.Uri.AbsoluteUri,
        };
    }

    /// <summary>The post's author names: embedded (_embed=author), else asked of /wp/v2/users/ID once per author.</summary>
    private async Task<List<string>> AuthorsAsync(JsonElement post, Uri api, SyncReport report, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (post.TryGetProperty("_embedded", out var embedded) && embedded.ValueKind == JsonValueKind.Object
            && embedded.TryGetProperty("author", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && String(author, "name") is { Length: > 0 } name)
                {
                    names.AddRange(FeedReader.SplitNames(WebUtility.HtmlDecode(name)));
                }
            }
        }

        if (names.Count > 0 || !post.TryGetProperty("author", out var authorId) || !authorId.TryGetInt64(out var userId) || userId <= 0)
        {
            return names;
        }

        if (!_users.TryGetValue(userId, out var user))
        {
            user = await UserAsync(api, userId, report, cancellationToken);
            _users[userId] = user;
        }

        return user is null ? names : [.. FeedReader.SplitNames(user)];
    }

    private async Task<string?> UserAsync(Uri api, long id, SyncReport report, CancellationToken cancellationToken)
    {
        var path = api.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith("/posts", StringComparison.Ordinal))
        {
            return null;
        }

        var url = new UriBuilder(api) { Path = path[..^"posts".Length] + "users/" + id.ToString(CultureInfo.InvariantCulture), Query = string.Empty }.Uri;
        try
        {
            var fetched = await fetcher.FetchAsync(new FetchRequest(PageAddress.Parse(url.AbsoluteUri)) { Accepts = FetchRequest.Json }, cancellationToken);
            using var json = JsonDocument.Parse(fetched.Body);
            return json.RootElement.ValueKind == JsonValueKind.Object && String(json.RootElement, "name") is { Length: > 0 } name ? WebUtility.HtmlDecode(name) : null;
        }
        catch (Exception e) when (e is FetchException or JsonException)
        {
            if (!_noAuthorsReported)
            {
                _noAuthorsReported = true;
                report.Problem($"REST API {url}: no author name ({e.Message.ReplaceLineEndings(" ")}); posts whose author the API hides name no reporter unless the feed does", incomplete: false);
            }

            return null;
        }
    }

    private static string? Rendered(JsonElement post, string field) =>
        post.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("rendered", out var rendered) && rendered.ValueKind == JsonValueKind.String
            ? rendered.GetString()
            : null;

    private static string? String(JsonElement element, string field) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? GmtDate(JsonElement post, string field) =>
        String(post, field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;

    private static string PlainText(string html) => TextFolding.CollapseWhiteSpace(WebUtility.HtmlDecode(Tags().Replace(html, " "))).Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
