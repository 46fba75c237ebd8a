using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Syndication.Testing;

/// <summary>Sitemap documents for discovery tests: urlsets (plain and news), indexes, gzip.</summary>
public static class SitemapXml
{
    public sealed record Url(string Location, DateTimeOffset? LastModified, string? NewsTitle = null, DateTimeOffset? NewsPublished = null);

    public static string UrlSet(IEnumerable<Url> urls)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">""");
        foreach (var url in urls)
        {
            xml.Append("<url><loc>").Append(WebUtility.HtmlEncode(url.Location)).Append("</loc>");
            if (url.LastModified is { } modified)
            {
                xml.Append("<lastmod>").Append(Date(modified)).Append("</lastmod>");
            }

            if (url.NewsTitle is { } title)
            {
                xml.Append("<news:news><news:publication><news:name>Partner</news:name><news:language>en</news:language></news:publication><news:publication_date>")
                    .Append(Date(url.NewsPublished ?? url.LastModified!.Value)).Append("</news:publication_date><news:title>").Append(WebUtility.HtmlEncode(title)).Append("</news:title></news:news>");
            }

            xml.Append("</url>");
        }

        return xml.Append("</urlset>").ToString();
    }

    public static string Index(IEnumerable<(string Location, DateTimeOffset? LastModified)> sitemaps)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">""");
        foreach (var (location, modified) in sitemaps)
        {
            xml.Append("<sitemap><loc>").Append(WebUtility.HtmlEncode(location)).Append("</loc>");
            if (modified is { } m)
            {
                xml.Append("<lastmod>").Append(Date(m)).Append("</lastmod>");
            }

            xml.Append("</sitemap>");
        }

        return xml.Append("</sitemapindex>").ToString();
    }

    public static byte[] Gzip(string text)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return memory.ToArray();
    }

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
