using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Locating;

namespace Syndication.Requirements.TimeWindow;

/// <summary>
/// When the page says it was published, from its markup: JSON-LD <c>datePublished</c>, the <c>article:published_time</c>
/// family of meta tags, <c>itemprop="datePublished"</c>, or a <c>&lt;time datetime&gt;</c> in the article's header.
/// When they disagree the earliest counts: the partner is given the benefit of the doubt.
/// </summary>
internal static class PageDate
{
    private static readonly string[] MetaNames =
        ["article:published_time", "og:published_time", "published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date", "sailthru.date"];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
        "BackgroundNewsArticle", "Report", "ScholarlyArticle", "WebPage", "LiveBlogPosting",
    };

    /// <summary>The earliest publish date the page states, with the element that states it; null when it states none.</summary>
    public static (DateTimeOffset Date, IElement Element, string Source)? Of(CheckContext context) =>
        Of(context.Page.Document, e => context.Region.ZoneOf(e) == RegionZone.Opening);

    /// <param name="inHeader">Whether an element stands in the article's header (a &lt;time&gt; there is the date a reader sees).</param>
    public static (DateTimeOffset Date, IElement Element, string Source)? Of(IDocument document, Func<IElement, bool> inHeader)
    {
        var found = new List<(DateTimeOffset Date, IElement Element, string Source)>();
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            foreach (var date in JsonLd(script.TextContent))
            {
                found.Add((date, script, "JSON-LD datePublished"));
            }
        }

        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is not null && MetaNames.Contains(name, StringComparer.OrdinalIgnoreCase) && Parse(meta.GetAttribute("content")) is { } date)
            {
                found.Add((date, meta, $"<meta {name}>"));
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop~=datePublished]:not(meta)"))
        {
            if (Parse(element.GetAttribute("datetime") ?? element.GetAttribute("content")) is { } date)
            {
                found.Add((date, element, "itemprop=datePublished"));
            }
        }

        if (found.Count == 0)
        {
            // A <time> in the article's header (not an "Updated" one) is the date a reader sees.
            foreach (var time in document.QuerySelectorAll("time[datetime]"))
            {
                if (inHeader(time) && !IsUpdate(time) && Parse(time.GetAttribute("datetime")) is { } date)
                {
                    found.Add((date, time, "<time> in the article's header"));
                }
            }
        }

        return found.Count == 0 ? null : found.MinBy(f => f.Date);
    }

    private static bool IsUpdate(IElement time)
    {
        var around = (time.ParentElement?.TextContent ?? time.TextContent) + " " + time.ClassName + " " + time.ParentElement?.ClassName;
        return around.Contains("update", StringComparison.OrdinalIgnoreCase) || around.Contains("modified", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<DateTimeOffset> JsonLd(string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException)
        {
            yield break;
        }

        using (json)
        {
            foreach (var date in Dates(json.RootElement, 0))
            {
                yield return date;
            }
        }
    }

    private static List<DateTimeOffset> Dates(JsonElement element, int depth)
    {
        var dates = new List<DateTimeOffset>();
        if (depth > 8)
        {
            return dates;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    dates.AddRange(Dates(item, depth + 1));
                }

                break;
            case JsonValueKind.Object:
                if (IsArticle(element) && element.TryGetProperty("datePublished", out var published) && published.ValueKind == JsonValueKind.String && Parse(published.GetString()) is { } date)
                {
                    dates.Add(date);
                }

                if (element.TryGetProperty("@graph", out var graph))
                {
                    dates.AddRange(Dates(graph, depth + 1));
                }

                break;
        }

        return dates;
    }

    private static bool IsArticle(JsonElement element) =>
        element.TryGetProperty("@type", out var type) && type.ValueKind switch
        {
            JsonValueKind.String => ArticleTypes.Contains(type.GetString()!),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString()!)),
            _ => false,
        };

    /// <summary>An ISO 8601 date or date-time (a date alone is midnight UTC); null when it is not one.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value.Length < 8 || !char.IsDigit(value[0]))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && date.Year is > 1990 and < 2200 ? date : null;
    }
}
