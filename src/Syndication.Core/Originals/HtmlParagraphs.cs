using Syndication.Parsing;

namespace Syndication.Originals;

/// <summary>Turns an HTML fragment (a feed item's body) into plain-text paragraphs, the same way pages are cut into blocks.</summary>
public static class HtmlParagraphs
{
    public static List<string> From(string html)
    {
        var document = Parsers.ParseHtml("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var order = new DomOrder(document);
        var blocks = TextBlockReader.Read(document, order, new Visibility(document));
        return blocks
            .SelectMany(b => b.Lines)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();
    }
}
