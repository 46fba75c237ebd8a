using System.Globalization;
using System.Net;
using System.Text;
using Syndication.Originals;

namespace Syndication.Core.Tests.Discovery;

/// <summary>
/// Generated originals and pages for discovery tests: deterministic (seeded) made-up words, so a republication shares
/// whole paragraphs with its original and an unrelated page shares no run of five words with any.
/// </summary>
public sealed class Corpus
{
    private readonly string[] _words;

    public Corpus(int originals, DateTimeOffset firstPublished, int seed = 7)
    {
        var random = new Random(seed);
        string[] syllables = ["ka", "lo", "mi", "ra", "te", "vu", "sen", "dor", "pil", "qua", "zen", "bar", "nik", "tol", "rus", "fen", "gal", "hor"];
        _words = Enumerable.Range(0, 3000).Select(_ => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)]))).Distinct().ToArray();
        Originals = Enumerable.Range(0, originals).Select(i => new Original
        {
            Title = Sentence(random, 7).TrimEnd('.'),
            Url = $"https://dailycallernewsfoundation.org/original-{i}/",
            Reporters = [$"Reporter{Letters(i)} Surname{Letters(i)}"],
            Paragraphs = Enumerable.Range(0, 6).Select(_ => Sentence(random, 35)).ToList(),
            Published = firstPublished.AddDays(i),
            Source = "corpus",
        }).ToList();
    }

    public List<Original> Originals { get; }

    /// <summary>A partner's page that republishes the original with its credits (and maybe a rewritten headline).</summary>
    public static string Republication(Original original, string? headline = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><title>").Append(WebUtility.HtmlEncode(headline ?? original.Title)).Append("</title></head><body>");
        html.Append("<header><nav><a href=\"/\">Home</a></nav></header><main><article>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(headline ?? original.Title)).Append("</h1>");
        html.Append("<p class=\"byline\">By ").Append(WebUtility.HtmlEncode(original.Reporters[0])).Append(", Daily Caller News Foundation</p>");
        html.Append("<img src=\"/img/dcnf-logo.png\" alt=\"Daily Caller News Foundation logo\" width=\"200\" height=\"60\">");
        foreach (var paragraph in original.Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        html.Append("</article></main><footer>Partner footer</footer></body></html>");
        return html.ToString();
    }

    /// <summary>A partner's own story: no original's text.</summary>
    public string Unrelated(int seed)
    {
        var random = new Random(seed);
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Local news</title></head><body><main><article><h1>");
        html.Append(Sentence(random, 6)).Append("</h1><p class=\"byline\">By Staff Writer</p>");
        for (var i = 0; i < 5; i++)
        {
            html.Append("<p>").Append(Sentence(random, 30)).Append("</p>");
        }

        return html.Append("</article></main></body></html>").ToString();
    }

    public static string Rss(string title, IEnumerable<(string Url, string Title, DateTimeOffset Date)> items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><link>https://partner.example/</link><description>x</description>");
        foreach (var (url, itemTitle, date) in items)
        {
            xml.Append("<item><title>").Append(WebUtility.HtmlEncode(itemTitle)).Append("</title><link>").Append(WebUtility.HtmlEncode(url)).Append("</link><pubDate>")
                .Append(date.ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate><description>short</description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    public static string Slug(string title) => string.Join('-', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));

    private string Sentence(Random random, int words)
    {
        var text = string.Join(' ', Enumerable.Range(0, words).Select(_ => _words[random.Next(_words.Length)]));
        return char.ToUpperInvariant(text[0]) + text[1..] + ".";
    }

    private static string Letters(int i) => string.Concat(i.ToString(CultureInfo.InvariantCulture).Select(d => (char)('a' + d - '0')));
}
