using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Parsing;

namespace Syndication.Checks;

/// <summary>Markup and wording that mark a credit: byline classes, rel=author, itemprop=author, "By", "Written by".</summary>
public static partial class CreditMarkers
{
    /// <summary>Words in a prefix that make a "by" someone else's credit: a photo, an editor, a reviewer, a translator.</summary>
    [GeneratedRegex(@"\b(photos?|photograph\w*|images?|pictures?|videos?|graphics?|illustrat\w*|edit(ed|ing|or|ors)?|translat\w*|courtesy|produc\w*|interview\w*|cartoons?|credits?|via|sources?|narrat\w*|design\w*|filmed|shot|map|chart|data|research(ed)?|review(ed|er)?|checked|fact|artwork|art|camera\w*|animation|music|audio|sound)\b|责任编辑|编辑|责编|摄影|图片|图|来源|編集|写真")]
    private static partial Regex NegativeWords();

    /// <summary>A credit prefix just before the name: "by", "written by", "author:", a dash or bar after a short label.</summary>
    [GeneratedRegex(@"(^|\s)(by|von|par|por|door|av|written by|story by|words by|reporting by|posted by|report by|byline|authors?|text|texte|autor|auteur|作者|记者|記者|文|撰文|撰稿)\s*[:：\-—–|︱｜/]?\s*$|^\s*[-—–]\s*$")]
    private static partial Regex PrefixPattern();

    /// <summary>What follows a photographer's or illustrator's name in a shared credit line: "(photography)".</summary>
    [GeneratedRegex(@"^\s*\(\s*(photo\w*|pictures?|images?|video\w*|illustrat\w*|graphics?|art\w*|edit\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex NegativeSuffix();

    /// <summary>What may follow a name in a credit line: nothing, a separator, another name, a date, a role or organisation.</summary>
    [GeneratedRegex(@"^\s*($|[,|—–\-/•·(:;@]|and\b|&|\d|(is|was)\s+an?\b|contributed\b|reports?\b|for\b|of\b|at\b|with\b|(investigative|senior|staff|contributing|special|white house|political|national|foreign|defen[cs]e|energy|health|education|legal|chief|deputy|managing|associate)\b|(reporter|correspondent|writer|editor|journalist|columnist|contributor|fellow|staff)\b|updated\b|published\b|posted\b|on\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixPattern();

    [GeneratedRegex(@"(^|[^a-z])(byline|by-line|byl|author|authors|writer|contributor|reporter|creator|posted-by|postedby|entry-author|article-author|credit-name)([^a-z]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex BylineClass();

    public static bool HasNegativePrefix(string foldedPrefix) => NegativeWords().IsMatch(LastWords(foldedPrefix, 4));

    public static bool HasNegativeSuffix(string suffix) => NegativeSuffix().IsMatch(suffix);

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
            if (rest.Length == 0 || (!HasNegativePrefix(rest) && HasCreditPrefix(rest, depth + 1)))
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
    /// A "By" (or "Written by", "Author") that only screen readers get stands right before the name's element: the
    /// visible name is what sighted readers take for the byline.
    /// </summary>
    public static bool HiddenCreditWordBefore(PageDocument page, IElement element)
    {
        var e = element;
        for (var level = 0; level < 3 && e is not null; level++, e = e.ParentElement)
        {
            for (var node = e.PreviousSibling; node is not null; node = node.PreviousSibling)
            {
                if (node is IText text)
                {
                    if (string.IsNullOrWhiteSpace(text.Data))
                    {
                        continue;
                    }

                    return false;
                }

                if (node is IElement sibling)
                {
                    var words = sibling.TextContent;
                    if (string.IsNullOrWhiteSpace(words))
                    {
                        continue;
                    }

                    return page.Visibility.IsHidden(sibling) && LoneCreditWord().IsMatch(words);
                }
            }

            if (Parsing.TextBlockReader.IsBlock(e))
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^\s*((written|story|words|posted)\s+)?(by|author)\s*[:：]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex LoneCreditWord();

    /// <summary>A line that opens with a credit's word: "By Jane Doe", "Written by", "Author:", a lone "By" label.</summary>
    public static bool OpensWithCreditWord(string line) => OpeningCreditWord().IsMatch(line);

    [GeneratedRegex(@"^\s*((written|story|words|reporting|report|posted)\s+)?(by|von|par|por|door)\b|^\s*(authors?|byline|autor|auteur)\s*[:：]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex OpeningCreditWord();

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

    /// <summary>
    /// Why the element sits in a photo caption or credit (figure, figcaption, "caption", "photo-credit") or in a
    /// heading, or null: a name there is a photographer's, or a headline's subject, not the article's byline.
    /// </summary>
    private static readonly string[] CaptionWords = ["caption", "photo", "image-credit", "media-credit", "img-credit"];

    public static CaptionOrHeading? CaptionOrHeadingOf(IElement element, int levels = 4)
    {
        var level = 0;
        var marked = false;
        for (var e = element; e is not null && level <= levels; e = e.ParentElement, level++)
        {
            if (e.LocalName is "figcaption" or "figure" or "caption")
            {
                return new CaptionOrHeading(e, $"in a photo caption (<{e.LocalName}>)", IsHeading: false);
            }

            // A caption class above an explicit byline element is the byline's own container ("HeadComponentAttribution").
            var names = ((e.GetAttribute("class") ?? string.Empty) + " " + e.Id).ToLowerInvariant();
            if (!marked && CaptionWords.FirstOrDefault(w => names.Contains(w, StringComparison.Ordinal)) is { } word)
            {
                return new CaptionOrHeading(e, $"in a photo caption or credit (its class or id says \"{word}\")", IsHeading: false);
            }

            marked |= IsBylineElement(e);
            if (e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                return marked || InSmallBylineBox(e) ? null : new CaptionOrHeading(e, $"in a heading (<{e.LocalName}>)", IsHeading: true);
            }

            if (e.LocalName is "article" or "main" or "body")
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A heading inside a small box marked as the byline ("writer-container" holding the name and the date).</summary>
    private static bool InSmallBylineBox(IElement heading)
    {
        var e = heading.ParentElement;
        for (var level = 0; level < 2 && e is not null && e.LocalName is not ("article" or "main" or "body"); level++, e = e.ParentElement)
        {
            if (IsBylineElement(e) && e.TextContent.Length <= MaxBylineChars)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The caption or heading a name sits in, and how to say so.</summary>
    public sealed record CaptionOrHeading(IElement Element, string Words, bool IsHeading);

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

        // "comment" or "avatar" in the class or the id rules the element out, a byline word in either rules it in (no
        // word spans the space between them). The class's answer is kept per class value: ancestor walks ask it often.
        var byClass = ClassNames.Ask(e, nameof(CreditMarkers), static classes => BylineNames(string.Join(' ', classes)));
        var byId = e.Id is { Length: > 0 } id ? BylineNames(id) : null;
        if (byClass == NotByline || byId == NotByline)
        {
            return false;
        }

        return byClass == Byline || byId == Byline || e.GetAttribute("data-testid")?.Contains("byline", StringComparison.OrdinalIgnoreCase) == true;
    }

    private const string Byline = "byline";
    private const string NotByline = "not a byline";

    /// <summary><see cref="NotByline"/> for a comment's or an avatar's names, <see cref="Byline"/> for a byline's, else null.</summary>
    private static string? BylineNames(string names)
    {
        if (names.Contains("comment", StringComparison.OrdinalIgnoreCase) || names.Contains("avatar", StringComparison.OrdinalIgnoreCase))
        {
            return NotByline;
        }

        return BylineClass().IsMatch(names) ? Byline : null;
    }

    private static string LastChars(string text, int count) => text.Length <= count ? text : text[^count..];

    private static string LastWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - count)));
    }
}
