using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;

namespace Syndication.Originals;

/// <summary>
/// Reads originals from an RSS 2.0 or Atom feed, WordPress style: one <c>dc:creator</c> per reporter, the body in
/// <c>content:encoded</c> (Atom: <c>content</c>), <c>description</c> / <c>summary</c> as a fallback.
/// A feed is hostile input: its DTD is never processed (no entity is declared or expanded, so billion laughs and
/// external entities cannot happen, and nothing is fetched), yet a feed that merely carries a DOCTYPE (RSS 0.91's)
/// is still read; the document is capped in characters as well as by the fetcher's byte cap.
/// </summary>
public static class FeedReader
{
    /// <summary>The most characters one feed document may hold (a 5 MiB fetch is far below it).</summary>
    public const long MaxCharacters = 64L * 1024 * 1024;

    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string ContentModule = "http://purl.org/rss/1.0/modules/content/";

    public static List<Original> Read(Stream stream, string source)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            Async = false,
        };
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            formatter.DateTimeParser = TryParseDate;
            if (!formatter.CanRead(reader))
            {
                throw new OriginalsException($"{source}: not an RSS 2.0 or Atom feed (root element <{reader.LocalName}>)");
            }

            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (XmlException e) when (e.Message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase))
        {
            throw new OriginalsException($"{source}: the feed uses an entity only its DTD declares; DTDs are never processed (they can expand entities or read other files): {OneLine(e.Message)}", e);
        }
        catch (XmlException e)
        {
            throw new OriginalsException($"{source}: malformed feed: {OneLine(e.Message)}", e);
        }
        catch (NotSupportedException e)
        {
            // The formatter's refusals ("does not support RSS version '0.91'") would otherwise escape as a crash.
            throw new OriginalsException($"{source}: unreadable feed: {OneLine(e.Message)}", e);
        }

        var originals = new List<Original>();
        foreach (var item in feed.Items)
        {
            var title = item.Title?.Text?.Trim();
            if (string.IsNullOrEmpty(title))
            {
                continue;
            }

            var body = Body(item);
            var url = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri?.ToString() ?? item.Id;
            var (links, images, captions) = StoryMarkup.ReadFragment(body, url);
            originals.Add(new Original
            {
                Title = System.Net.WebUtility.HtmlDecode(title),
                Url = url,
                Reporters = Reporters(item),
                Paragraphs = HtmlParagraphs.From(body),
                Links = links,
                Images = images,
                Captions = captions,
                Published = item.PublishDate == default ? null : item.PublishDate,
                Modified = item.LastUpdatedTime == default ? null : item.LastUpdatedTime,
                LicensorId = string.IsNullOrWhiteSpace(item.Id) ? null : item.Id.Trim(),
                Source = source,
            });
        }

        return originals;
    }

    private static List<string> Reporters(SyndicationItem item)
    {
        var names = item.ElementExtensions.ReadElementExtensions<string>("creator", DublinCore)
            .SelectMany(SplitNames)
            .ToList();
        if (names.Count == 0)
        {
            names = item.Authors.Select(a => a.Name ?? string.Empty).SelectMany(SplitNames).ToList();
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Some feeds put several reporters in one element: "Jane Doe and John Roe", "Jane Doe, John Roe".</summary>
    internal static IEnumerable<string> SplitNames(string names) =>
        names.Replace(" and ", ",", StringComparison.OrdinalIgnoreCase)
            .Replace(" & ", ",", StringComparison.Ordinal)
            .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.Length > 0);

    private static string Body(SyndicationItem item)
    {
        var encoded = item.ElementExtensions.ReadElementExtensions<string>("encoded", ContentModule).FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(encoded))
        {
            return encoded;
        }

        if (item.Content is TextSyndicationContent content && !string.IsNullOrWhiteSpace(content.Text))
        {
            return content.Text;
        }

        return item.Summary?.Text ?? string.Empty;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static bool TryParseDate(XmlDateTimeData data, out DateTimeOffset result)
    {
        var text = data.DateTimeString.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result))
        {
            return true;
        }

        // RFC 822 with a zone name ("Mon, 11 Jul 2022 21:40:04 GMT", "EST"): drop the zone, read as UTC.
        var lastSpace = text.LastIndexOf(' ');
        if (lastSpace > 0 && DateTimeOffset.TryParse(text[..lastSpace], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result))
        {
            return true;
        }

        // An unreadable date is no reason to lose the article.
        result = default;
        return true;
    }
}
