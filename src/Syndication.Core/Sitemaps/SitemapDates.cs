using System.Globalization;

namespace Syndication.Sitemaps;

/// <summary>
/// Reads a sitemap date: W3C Datetime as the protocol says (2024-05-01, 2024-05-01T10:30:00+02:00, a year or a
/// month alone), and the forms seen in the wild (a space for the T, no zone, RFC 1123). A date before the web or
/// further ahead than the tolerance is no date at all: it would make a page look changed on every read.
/// </summary>
public static class SitemapDates
{
    private static readonly string[] W3cFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd", "yyyy-MM", "yyyy",
    ];

    private static readonly DateTimeOffset Earliest = new(1991, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The date, or null when the text is not one (or not a believable one).</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now, TimeSpan futureTolerance)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 64)
        {
            return null;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (!DateTimeOffset.TryParseExact(trimmed, W3cFormats, CultureInfo.InvariantCulture, Styles, out var date)
            && !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, Styles, out date))
        {
            return null;
        }

        return date < Earliest || date > now + futureTolerance ? null : date.ToUniversalTime();
    }
}
