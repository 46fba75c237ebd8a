namespace Syndication.Discovery;

/// <summary>
/// A page as a site's sitemap or feed lists it: its URL, the date the source gives (sitemap lastmod, news
/// publication date, feed item date), the title a news sitemap or feed gives, and the source it came from.
/// </summary>
public sealed record Listing(Uri Url, DateTimeOffset? Date, string? Title, string Via);
