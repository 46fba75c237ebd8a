using System.Text.Json;
using AngleSharp.Dom;

namespace Syndication.Originals;

/// <summary>Reads author names from a page's JSON-LD (Article, NewsArticle, @graph), tolerating CDATA wrappers.</summary>
public static class JsonLdAuthors
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public static List<string> Read(IDocument document)
    {
        var names = new List<string>();
        foreach (var script in document.QuerySelectorAll("script[type*='ld+json']"))
        {
            var json = Unwrap(script.TextContent);
            try
            {
                using var parsed = JsonDocument.Parse(json, Options);
                Collect(parsed.RootElement, names, inAuthor: false, depth: 0);
            }
            catch (JsonException)
            {
                // A broken JSON-LD block is common and says nothing about the article.
            }
        }

        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string Unwrap(string text)
    {
        var t = text.Trim();
        foreach (var (open, close) in new[] { ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"), ("/*<![CDATA[*/", "/*]]>*/") })
        {
            if (t.StartsWith(open, StringComparison.Ordinal))
            {
                t = t[open.Length..];
                var end = t.LastIndexOf(close, StringComparison.Ordinal);
                t = end >= 0 ? t[..end] : t;
                break;
            }
        }

        return t.Trim();
    }

    private static void Collect(JsonElement element, List<string> names, bool inAuthor, int depth)
    {
        if (depth > 20)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (inAuthor && element.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    names.Add(name.GetString()!.Trim());
                    return;
                }

                foreach (var property in element.EnumerateObject())
                {
                    var isAuthor = property.NameEquals("author") || property.NameEquals("creator");
                    Collect(property.Value, names, isAuthor, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, names, inAuthor, depth + 1);
                }

                break;
            case JsonValueKind.String when inAuthor:
                var value = element.GetString()!.Trim();
                if (value.Length > 0 && !value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    names.Add(value);
                }

                break;
        }
    }
}
