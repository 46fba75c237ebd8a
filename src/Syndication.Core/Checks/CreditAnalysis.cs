using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Locating;
using Syndication.Parsing;
using Syndication.Text;

namespace Syndication.Checks;

/// <summary>
/// Where each reporter's name is seen on the page and whether each sighting is a credit: visible, in the article
/// region's opening or closing (or a credit opening or closing the story's text), worded or marked up as a byline.
/// Shared by the byline check (is every reporter credited?) and the affiliation check (what stands next to the credit?).
/// </summary>
public sealed partial class CreditAnalysis
{
    private const int ShortLine = 200;
    private const int LongLineCreditWindow = 60;

    private CreditAnalysis(Dictionary<PersonName, List<NameSighting>> sightings, List<NameSighting> otherBylines)
    {
        Sightings = sightings;
        OtherBylines = otherBylines;
    }

    /// <summary>Every sighting of each reporter, best kinds first.</summary>
    public IReadOnlyDictionary<PersonName, List<NameSighting>> Sightings { get; }

    /// <summary>Byline-looking lines in the article's opening or closing that credit nobody we look for.</summary>
    public IReadOnlyList<NameSighting> OtherBylines { get; }

    /// <summary>Every credit of every reporter: the anchors an affiliation must stand next to.</summary>
    public IEnumerable<NameSighting> ReporterCredits => Sightings.Values.SelectMany(s => s).Where(s => s.Kind == SightingKind.Credit);

    public static CreditAnalysis Analyse(CheckContext context)
    {
        var sightings = new Dictionary<PersonName, List<NameSighting>>();
        List<MetadataText>? metadata = null;
        foreach (var reporter in context.Reporters)
        {
            var list = Find(context, reporter);
            if (!list.Any(s => s.Kind == SightingKind.Credit))
            {
                list.AddRange(MetadataSightings(metadata ??= MetadataTexts(context.Page), reporter));
            }

            list.Sort((a, b) => a.Kind.CompareTo(b.Kind));
            sightings[reporter] = list;
        }

        var credited = sightings.Values.SelectMany(s => s).Where(s => s.Kind == SightingKind.Credit).Select(s => s.Block).ToHashSet();
        return new CreditAnalysis(sightings, FindOtherBylines(context, credited));
    }

    private static List<NameSighting> Find(CheckContext context, PersonName name)
    {
        var region = context.Region;
        var sightings = new List<NameSighting>();
        foreach (var block in context.Page.BlocksWithAnyWord(NameFinder.IndexWords(name, partial: true)))
        {
            for (var lineIndex = 0; lineIndex < block.Lines.Count; lineIndex++)
            {
                var line = block.Lines[lineIndex];
                foreach (var match in NameFinder.Find(line, block.LineTokens(lineIndex), name))
                {
                    var found = line[match.Start..match.End];
                    var element = EvidenceFactory.Narrowest(block, found);
                    var zone = region.ZoneOf(element);
                    if (zone == RegionZone.Outside)
                    {
                        if (match.Kind == NameMatchKind.Full)
                        {
                            var where = region.WhyOutside(element) ?? region.WhyOutside(block.Element) ?? "outside the article region";
                            sightings.Add(new NameSighting(SightingKind.Outside, element, line, where, zone, block, lineIndex));
                        }

                        continue;
                    }

                    var call = Judge(context.Page, region, block, zone, line, match, element);
                    if (match.Kind == NameMatchKind.Partial)
                    {
                        if (call.IsCredit)
                        {
                            sightings.Add(new NameSighting(SightingKind.Partial, element, line, $"only \"{found}\" in a credit line", zone, block, lineIndex));
                        }

                        continue;
                    }

                    if (call.IsCredit)
                    {
                        sightings.Add(new NameSighting(SightingKind.Credit, element, line, ZoneWords(zone), zone, block, lineIndex));
                    }
                    else if (zone != RegionZone.Story && IsContributorLine(line, match))
                    {
                        sightings.Add(new NameSighting(SightingKind.Contributor, element, line, $"{ZoneWords(zone)}, as a contributor", zone, block, lineIndex));
                    }
                    else
                    {
                        sightings.Add(new NameSighting(SightingKind.Mention, element, line, $"{ZoneWords(zone)}, {call.WhyNot}", zone, block, lineIndex));
                    }
                }
            }
        }

        foreach (var block in context.Page.Blocks)
        {
            if (block.HiddenText.Length > 0 && NameFinder.Find(block.HiddenText, block.HiddenTokens, name).Any(m => m.Kind == NameMatchKind.Full))
            {
                var hiddenElement = HiddenElementWith(context.Page, block, name) ?? block.Element;
                var reason = context.Page.Visibility.ReasonFor(hiddenElement) ?? block.HiddenReason ?? "hidden";
                sightings.Add(new NameSighting(SightingKind.Hidden, hiddenElement, block.HiddenText, $"hidden ({reason})", region.ZoneOf(block.Element), block));
            }
        }

        return sightings;
    }

    /// <summary>Whether a sighting is a credit and, when it is not, the fact that decided it.</summary>
    internal readonly record struct CreditCall(bool IsCredit, string WhyNot)
    {
        public static readonly CreditCall Yes = new(true, string.Empty);

        public static CreditCall No(string why) => new(false, why);
    }

    /// <summary>
    /// Decides whether a sighting of a name in a line is a credit. A strong credit is worded ("By", "Written by") or
    /// marked up (byline class, rel=author) as one; a weak one is a name standing alone on a short line, or followed
    /// by a role or a date. Neither counts in a caption, a heading (unless it reads "By …"), after another person's
    /// role ("Photo by"), or in a teaser for another article; a weak one does not count right under a picture (a
    /// photo credit) or as one of a row of links (tags).
    /// </summary>
    internal static CreditCall Judge(PageDocument page, ArticleRegion region, TextBlock block, RegionZone zone, string line, NameMatch match, IElement element)
    {
        var prefix = TextFolding.Fold(line[..match.Start]).Trim();
        var suffix = AbbreviationEnd().IsMatch(line[..match.End]) && line[match.End..].StartsWith('.') ? line[(match.End + 1)..] : line[match.End..];
        if (CreditMarkers.HasNegativePrefix(prefix))
        {
            return CreditCall.No($"after \"{EvidenceFactory.Shorten(line[..match.Start].Trim(), 40)}\": someone else's credit (a photo, an edit, a source), not the byline");
        }

        if (CreditMarkers.HasNegativeSuffix(suffix) || ContributedSuffix().IsMatch(suffix))
        {
            return CreditCall.No($"followed by \"{EvidenceFactory.Shorten(suffix.Trim(), 40)}\", not as the byline");
        }

        var shortLine = line.Length <= ShortLine;
        var byPrefix = StrictByPrefix().IsMatch(prefix) || (prefix.Length == 0 && CreditMarkers.HiddenCreditWordBefore(page, element));
        // A heading that reads "By Jane Doe", or holds nothing but the name, is a byline styled as a heading.
        var nameOnly = prefix.Length == 0 && suffix.Trim().Length == 0 && zone is RegionZone.Opening or RegionZone.Closing;
        if (CreditMarkers.CaptionOrHeadingOf(element) is { } captionOrHeading && !(captionOrHeading.IsHeading && ((byPrefix && line.Length <= 100) || nameOnly)))
        {
            return CreditCall.No($"{captionOrHeading.Words} at {SelectorPath.For(captionOrHeading.Element)}, not a credit line");
        }

        var marked = shortLine && CreditMarkers.IsMarkedCredit(page, element, block.Element);
        var strong = marked || (shortLine && (CreditMarkers.HasCreditPrefix(prefix) || byPrefix));
        var weak = !strong && shortLine && prefix.Length == 0 && CreditMarkers.HasCreditSuffix(suffix);
        var credit = zone switch
        {
            RegionZone.Opening or RegionZone.Closing => strong || weak || LongLineCredit(zone, line, match, prefix),
            RegionZone.FirstParagraph or RegionZone.LastParagraph => marked || LongLineCredit(zone, line, match, prefix),
            _ => false,
        };
        if (!credit)
        {
            return CreditCall.No(zone == RegionZone.Story
                ? "between the story's paragraphs, where no credit line stands"
                : "not worded as a credit (no \"By\", no name on a line of its own) nor marked up as a byline");
        }

        if (CreditStructure.TeaserHeadline(page, block, region.Headline) is { } teaser)
        {
            return CreditCall.No($"in a teaser for another article: the box around it carries its own linked headline \"{EvidenceFactory.Shorten(TextFolding.CollapseWhiteSpace(teaser.TextContent), 60)}\" at {SelectorPath.For(teaser)}");
        }

        if (!marked && !byPrefix && CreditStructure.QuotationSourced(page, region, block, element) is { } quotation)
        {
            return CreditCall.No($"as the source of the quotation at {SelectorPath.For(quotation)}, not as the article's byline");
        }

        if (weak && CreditStructure.PictureCaptioned(page, region, block) is { } image)
        {
            return CreditCall.No($"on the line right under the picture at {SelectorPath.For(image)}, with no \"By\" nor byline markup: a photo credit or caption");
        }

        if (!byPrefix && CreditStructure.LinksInRow(page, block, line, element) is > 0 and var links)
        {
            return CreditCall.No($"one of {links} links in a row (\"{EvidenceFactory.Shorten(line, 60)}\"): a list of tags or topics, not a credit");
        }

        return CreditCall.Yes;
    }

    /// <summary>A credit run into a paragraph: "By Jane Doe, DCNF — WASHINGTON …" or "… reported. — Jane Doe, DCNF".</summary>
    private static bool LongLineCredit(RegionZone zone, string line, NameMatch match, string prefix)
    {
        if (StrictByPrefix().IsMatch(prefix))
        {
            return true;
        }

        var closing = zone is RegionZone.LastParagraph or RegionZone.Closing;
        return closing && match.Start >= line.Length - 100 && DashPrefix().IsMatch(prefix);
    }

    /// <summary>True when the name is followed by "contributed (to this report)".</summary>
    internal static bool IsContributorLine(string line, NameMatch match) => ContributedSuffix().IsMatch(line[match.End..]);

    private static IElement? HiddenElementWith(PageDocument page, TextBlock block, PersonName name)
    {
        // The block's element, then its descendants in document order: DomOrder's numbers for its subtree.
        var target = string.Join(' ', name.Words);
        var order = page.Order;
        for (int i = block.Order, end = order.EndOf(block.Element); i <= end; i++)
        {
            var element = order[i];
            if (page.Visibility.IsHidden(element)
                && string.Join(' ', Tokenizer.Words(element.TextContent)).Contains(target, StringComparison.Ordinal))
            {
                return element;
            }
        }

        return null;
    }

    /// <summary>A text the page carries for machines (a meta tag, JSON-LD, an attribute), tokenized for every reporter to search.</summary>
    private sealed record MetadataText(IElement Element, string Text, List<Token> Tokens, string Shown, string Where);

    private static readonly string[] NameAttributes = ["title", "alt", "aria-label", "data-author"];

    /// <summary>
    /// The page's metadata texts in the order they are reported: meta tags, then JSON-LD scripts, then attributes,
    /// each in document order. Read once per page, only when a reporter has no credit.
    /// </summary>
    private static List<MetadataText> MetadataTexts(PageDocument page)
    {
        var texts = new List<MetadataText>();
        var document = page.Document;
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var content = meta.GetAttribute("content") ?? string.Empty;
            if (content.Length > 0)
            {
                var key = (meta.GetAttribute("name") ?? meta.GetAttribute("property") ?? meta.GetAttribute("itemprop") ?? string.Empty).ToLowerInvariant();
                texts.Add(new MetadataText(meta, content, Tokenizer.Tokenize(content), content, $"only in <meta {(key.Length > 0 ? key : "tag")}>"));
            }
        }

        foreach (var script in document.QuerySelectorAll("script[type*='ld+json']"))
        {
            var json = script.TextContent;
            if (json.Length > 0)
            {
                texts.Add(new MetadataText(script, json, Tokenizer.Tokenize(json), EvidenceFactory.Shorten(json.Trim(), 160), "only in JSON-LD metadata"));
            }
        }

        foreach (var element in document.QuerySelectorAll("[title], [alt], [aria-label], [data-author]"))
        {
            foreach (var attribute in NameAttributes)
            {
                if (element.GetAttribute(attribute) is { Length: > 0 } value)
                {
                    texts.Add(new MetadataText(element, value, Tokenizer.Tokenize(value), value, $"only in a {attribute} attribute"));
                }
            }
        }

        return texts;
    }

    private static IEnumerable<NameSighting> MetadataSightings(List<MetadataText> texts, PersonName name) =>
        texts.Where(t => NameFinder.Find(t.Text, t.Tokens, name).Any(m => m.Kind == NameMatchKind.Full))
            .Select(t => new NameSighting(SightingKind.Metadata, t.Element, t.Shown, t.Where, RegionZone.Outside));

    /// <summary>Byline-looking lines (marked up as a byline, or "By …") in the opening or closing that credit someone else.</summary>
    private static List<NameSighting> FindOtherBylines(CheckContext context, HashSet<TextBlock?> credited)
    {
        var bylines = new List<NameSighting>();
        var order = context.Page.Order;
        var region = context.Region;
        foreach (var block in context.Page.Blocks)
        {
            // Only blocks that overlap the article region can hold its byline.
            if (credited.Contains(block) || block.Order > region.End || order.EndOf(block.Element) < region.Start)
            {
                continue;
            }

            var marked = MarkedElementIn(context.Page, block);
            string? markedText = null;
            for (var i = 0; i < block.Lines.Count; i++)
            {
                var line = block.Lines[i];
                if (line.Length > 150)
                {
                    continue;
                }

                var by = ByLine().Match(line);
                var text = by.Success ? CreditedName(by.Groups["name"].Value) : null;
                var element = by.Success ? EvidenceFactory.Narrowest(block, line.Trim()) : null;
                if (!by.Success && marked is not null && (markedText ??= MarkedText(marked)).Length > 0 && line.Contains(markedText, StringComparison.Ordinal))
                {
                    text = CreditedName(markedText);
                    element = marked;
                }

                var zone = element is null ? RegionZone.Outside : context.Region.ZoneOf(element);
                if (text is { Length: > 1 } && element is not null && zone is RegionZone.Opening or RegionZone.Closing
                    && !context.Reporters.Any(r => NameFinder.Find(text, r).Any(m => m.Kind == NameMatchKind.Full)))
                {
                    bylines.Add(new NameSighting(SightingKind.Credit, element, text, ZoneWords(zone), zone, block, i));
                }
            }
        }

        return bylines;
    }

    /// <summary>The name part of a credit: "Harold Vance, Staff Writer July 12" gives "Harold Vance".</summary>
    private static string CreditedName(string text)
    {
        var cut = NameEnd().Match(text);
        return (cut.Success ? text[..cut.Index] : text).Trim().TrimEnd(',', '.', ';', ':', '-', '—', '–').Trim();
    }

    private static IElement? MarkedElementIn(PageDocument page, TextBlock block)
    {
        if (CreditMarkers.IsMarkedCredit(page, block.Element, block.Element, 1))
        {
            return block.Element;
        }

        var stack = new Stack<IElement>(ElementChildren.Of(block.Element));
        var visited = 0;
        while (stack.Count > 0 && visited++ < 200)
        {
            var element = stack.Pop();
            if (TextBlockReader.IsBlock(element))
            {
                continue;
            }

            if (CreditMarkers.IsBylineElement(element) && CreditMarkers.IsSmall(page, element))
            {
                return element;
            }

            foreach (var child in ElementChildren.Of(element))
            {
                stack.Push(child);
            }
        }

        return null;
    }

    private static string MarkedText(IElement element)
    {
        var text = TextFolding.CollapseWhiteSpace(element.TextContent);
        var by = ByLine().Match(text);
        return by.Success ? by.Groups["name"].Value.Trim() : (text.Length <= 80 ? text : string.Empty);
    }

    public static string ZoneWords(RegionZone zone) => zone switch
    {
        RegionZone.Opening => "in the article's header",
        RegionZone.FirstParagraph => "in the story's first paragraph",
        RegionZone.Story => "in the story's text",
        RegionZone.LastParagraph => "in the story's last paragraph",
        RegionZone.Closing => "after the story",
        _ => "outside the article region",
    };

    /// <summary>The name comes right after "By" and nothing else: "By Jane Doe", "Written by: Jane Doe".</summary>
    [GeneratedRegex(@"^\s*((written|story|reporting|posted|words)\s+)?(by|von|par|por)\s*[:\-—–]?\s*$")]
    private static partial Regex StrictByPrefix();

    [GeneratedRegex(@"[,;|•·(]|\s[—–-]\s|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b(updated|published|posted|on)\b|\d", RegexOptions.IgnoreCase)]
    private static partial Regex NameEnd();

    [GeneratedRegex(@"[—–\-]\s*$")]
    private static partial Regex DashPrefix();

    /// <summary>A name that ends with "Jr", "Sr" or an initial: the period after it is the name's own ("Perry Bacon Jr.").</summary>
    [GeneratedRegex(@"(\b[JS]r|\b[IV]{2,3}|\b\p{Lu})$")]
    private static partial Regex AbbreviationEnd();

    [GeneratedRegex(@"^\s*((and|&)\s+[^.]{0,60}?\s+)?(also\s+)?contributed\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContributedSuffix();

    [GeneratedRegex(@"^\s*(?:(?:written|story|reporting|posted|words)\s+)?by[:\s]\s*(?<name>[^|•·\n]{2,80}?)\s*(?:$|[|•·]|\b(?:on|updated|published|posted)\b|\d)", RegexOptions.IgnoreCase)]
    private static partial Regex ByLine();
}
