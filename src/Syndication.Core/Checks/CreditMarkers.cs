using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Checks;

/// <summary>Markup and wording that mark a credit: byline classes, rel=author, itemprop=author, "By", "Written by".</summary>
public static partial class CreditMarkers
{
    /// <summary>Words in a prefix that make a "by" someone else's credit: a photo, an editor, a translator.</summary>
    [GeneratedRegex(@"\b(photos?|photograph\w*|images?|pictures?|videos?|graphics?|illustrat\w*|edit(ed|ing|or|ors)?|translat\w*|courtesy|produc\w*|interview\w*|cartoons?|credits?|via|sources?|narrat\w*|design\w*|filmed|shot|map|chart|data|research(ed)?)\b")]
    private static partial Regex NegativeWords();

    /// <summary>A credit prefix just before the name ("by", "written by", "author:", a dash or bar).</summary>
    [GeneratedRegex(@"(^|\s)(by|von|par|por|door|av|di|written by|story by|words by|reporting by|posted by|report by|byline|authors?|reporters?|writers?|text|texte|contributors?|columnist|correspondent)\s*[:\-—–|]?\s*$|[:—–|•·]\s*$|^\s*[-—–]\s*$")]
    private static partial Regex PrefixPattern();

    /// <summary>What may follow a name in a credit line: nothing, a separator, another name, a date, a role or organisation.</summary>
    [GeneratedRegex(@"^\s*($|[,|—–\-/•·(:;]|and\b|&|\d|(is|was)\s+an?\b|contributed\b|reports?\b|for\b|of\b|at\b|with\b|(investigative|senior|staff|contributing|special|white house|political|national|foreign|defen[cs]e|energy|health|education|legal|chief|deputy|managing|associate)\b|(reporter|correspondent|writer|editor|journalist|columnist|contributor|fellow|staff)\b|updated\b|published\b|posted\b|on\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixPattern();

    [GeneratedRegex(@"(^|[^a-z])(byline|by-line|byl|author|authors|writer|contributor|reporter|creator|posted-by|postedby|entry-author|article-author|credit-name)([^a-z]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BylineClass();

    public static bool HasNegativePrefix(string foldedPrefix) => NegativeWords().IsMatch(LastWords(foldedPrefix, 4));

    public static bool HasCreditPrefix(string foldedPrefix) => HasCreditPrefix(foldedPrefix, 0);

    /// <summary>
    /// "by owen thackeray and" before a second name is a credit prefix too: drop the joiner and the name before it,
    /// then look again (a line that starts with names joined this way counts as well).
    /// </summary>
    private static bool HasCreditPrefix(string foldedPrefix, int depth)
    {
        if (PrefixPattern().IsMatch(LastChars(foldedPrefix, 40)))
        {
            return true;
        }

        var joiner = Joiner().Match(foldedPrefix);
        if (depth > 4 || !joiner.Success)
        {
            return false;
        }

        var words = foldedPrefix[..joiner.Index].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var drop = 1; drop <= Math.Min(4, words.Length); drop++)
        {
            var rest = string.Join(' ', words[..^drop]);
            if (rest.Length == 0 || HasCreditPrefix(rest, depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\s*(,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*$")]
    private static partial Regex Joiner();

    public static bool HasCreditSuffix(string suffix) => SuffixPattern().IsMatch(suffix);

    /// <summary>
    /// True when the element or one of its close ancestors is marked as a byline or author credit. Large
    /// containers do not count: WordPress puts "author-jane" on the whole article.
    /// </summary>
    public static bool IsMarkedCredit(PageDocument page, IElement element, IElement? stopAt, int extraLevels = 2)
    {
        var levels = -1;
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (IsBylineElement(e) && IsSmall(page, e))
            {
                return true;
            }

            if (levels >= 0)
            {
                levels++;
                if (levels >= extraLevels)
                {
                    return false;
                }
            }
            else if (ReferenceEquals(e, stopAt))
            {
                levels = 0;
            }

            if (e.LocalName is "article" or "main" or "body")
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A byline is a few words; an element with more text is a container that happens to carry an author class.</summary>
    public static bool IsSmall(PageDocument page, IElement e)
    {
        var index = page.Order.IndexOf(e);
        return index >= 0 && page.Stats.TextLength(index) <= MaxBylineChars;
    }

    public const int MaxBylineChars = 300;

    public static bool IsBylineElement(IElement e)
    {
        if (e.GetAttribute("rel")?.Contains("author", StringComparison.OrdinalIgnoreCase) == true
            || e.GetAttribute("itemprop") is { } prop && (prop.Contains("author", StringComparison.OrdinalIgnoreCase) || prop.Contains("creator", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var names = (e.GetAttribute("class") ?? string.Empty) + " " + e.Id;
        if (names.Contains("comment", StringComparison.OrdinalIgnoreCase) || names.Contains("avatar", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return BylineClass().IsMatch(names) || e.GetAttribute("data-testid")?.Contains("byline", StringComparison.OrdinalIgnoreCase) == true;
    }

    private static string LastChars(string text, int count) => text.Length <= count ? text : text[^count..];

    private static string LastWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - count)));
    }
}
