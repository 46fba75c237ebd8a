using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Verdicts;

namespace Syndication.Requirements.LinkToOriginal;

/// <summary>
/// Pass: a reader sees a link to the original (or to the licensor's site, when that is enough) where the licence asks,
/// or the page names the original as its canonical URL (when the profile accepts it). Fail: no such link, or it is
/// hidden, only in site chrome, or the canonical URL names another page and nothing else links. Review: the link is not
/// where asked, or reaches the licensor's site but not the story, or the original's URL is unknown.
/// </summary>
internal sealed class LinkToOriginalCheck(string id, bool siteIsEnough, IReadOnlyList<string> accept, IReadOnlyList<string> where, IReadOnlyList<string> hosts) : IRequirementCheck
{
    public string Id => id;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        var original = WebAddress.Resolve(context.Original?.Url, null);
        var licensorHosts = Hosts(context, original);
        if (original is null && !siteIsEnough)
        {
            return RequirementOutcome.Review(Id, "the original's URL is unknown (its source gives none), so a link to it cannot be looked for");
        }

        var originalKey = original is null ? null : WebAddress.Key(original);
        var canonical = Canonical(context);
        if (accept.Contains("canonical") && canonical is not null && originalKey is not null && WebAddress.Key(canonical.Value.Url) == originalKey)
        {
            return RequirementOutcome.Pass(Id, $"the page names the original as its canonical URL ({canonical.Value.Url})", EvidenceFactory.For(canonical.Value.Element, "canonical URL"));
        }

        var links = accept.Contains("link") ? Links(context, originalKey, licensorHosts).ToList() : [];
        var wanted = links.Where(l => l.ToOriginal || siteIsEnough).ToList();
        var target = siteIsEnough ? $"the {context.Profile.Licensor} site" : $"the original ({original})";
        var asked = ArticlePlacement.Describe(where);

        if (wanted.FirstOrDefault(l => l.Hidden is null && ArticlePlacement.Accepts(where, l.Spot)) is { } good)
        {
            return RequirementOutcome.Pass(Id, $"links to {(good.ToOriginal ? "the original" : $"the {context.Profile.Licensor} site")} {good.Where}: \"{good.Text}\" → {good.Url}", good.Evidence("link"));
        }

        if (wanted.FirstOrDefault(l => l.Hidden is null && l.Spot is Spot.Top or Spot.Middle or Spot.End) is { } misplaced)
        {
            return RequirementOutcome.Review(Id, $"the link to {target} stands {misplaced.Where}; the licence asks for it {asked}: a person should decide", misplaced.Evidence("link, not where asked"));
        }

        if (!siteIsEnough && links.FirstOrDefault(l => l.Hidden is null && l.Spot is Spot.Top or Spot.Middle or Spot.End && !l.ToOriginal) is { } site)
        {
            return RequirementOutcome.Review(Id, $"the article links to the {context.Profile.Licensor} site ({site.Url}) but not to the original ({original}): has the story moved, or is this the wrong page?", site.Evidence("link to the licensor's site"));
        }

        if (wanted.FirstOrDefault(l => l.Hidden is null && l.Spot == Spot.Away) is { } away)
        {
            return RequirementOutcome.Review(Id, $"a link to {target} is on the page but away from the article ({away.Where})", away.Evidence("link, away from the article"));
        }

        var found = new List<string>();
        var evidence = new List<Evidence>();
        if (wanted.FirstOrDefault(l => l.Hidden is not null) is { } hidden)
        {
            found.Add($"a link to it is hidden from readers ({hidden.Hidden})");
            evidence.Add(hidden.Evidence($"hidden: {hidden.Hidden}"));
        }

        if (wanted.FirstOrDefault(l => l.Spot == Spot.Chrome && l.Hidden is null) is { } chrome)
        {
            found.Add($"a link to it stands only {chrome.Where}");
            evidence.Add(chrome.Evidence("in site chrome"));
        }

        if (accept.Contains("canonical"))
        {
            if (canonical is { } named)
            {
                var own = context.PageUrl is { } page && WebAddress.Host(named.Url) == WebAddress.Host(page) || !licensorHosts.Contains(WebAddress.Host(named.Url));
                found.Add(own ? $"the canonical URL names the partner's own page ({named.Url}), not the original" : $"the canonical URL names {named.Url}, not the original");
                evidence.Add(EvidenceFactory.For(named.Element, "canonical URL"));
            }
            else
            {
                found.Add("the page names no canonical URL");
            }
        }

        var message = $"{(accept.Contains("link") ? $"no visible link to {target} with the article" : $"the page does not name {target} as its canonical URL")}" + (found.Count > 0 ? ": " + string.Join("; ", found) : string.Empty);
        return RequirementOutcome.Fail(Id, message, [.. evidence]);
    }

    private HashSet<string> Hosts(CheckContext context, Uri? original)
    {
        var set = new HashSet<string>(hosts, StringComparer.Ordinal);
        if (set.Count == 0)
        {
            if (context.Profile.Site is { } site)
            {
                set.Add(WebAddress.Host(site.Url));
            }

            if (original is not null)
            {
                set.Add(WebAddress.Host(original));
            }
        }

        return set;
    }

    private static (Uri Url, IElement Element)? Canonical(CheckContext context)
    {
        var element = context.Page.Document.QuerySelector("link[rel~=canonical][href]");
        return element is not null && WebAddress.Resolve(element.GetAttribute("href"), context.PageUrl) is { } url ? (url, element) : null;
    }

    /// <summary>
    /// The page's links to the original or the licensor's site. The story's own links (those the original has: a link
    /// to the licensor's earlier reporting) are the story's, not the credit the clause asks for, and are left out.
    /// </summary>
    private static IEnumerable<Link> Links(CheckContext context, string? originalKey, HashSet<string> licensorHosts)
    {
        var storyLinks = (context.Original?.Links ?? []).Select(l => WebAddress.Key(l.Href, null)).OfType<string>().Where(k => k != originalKey).ToHashSet(StringComparer.Ordinal);
        foreach (var anchor in context.Page.Document.QuerySelectorAll("a[href]"))
        {
            if (WebAddress.Resolve(anchor.GetAttribute("href"), context.PageUrl) is not { } url)
            {
                continue;
            }

            var toOriginal = originalKey is not null && WebAddress.LeadsTo(url, originalKey);
            if (!toOriginal && (!licensorHosts.Contains(WebAddress.Host(url)) || storyLinks.Contains(WebAddress.Key(url))))
            {
                continue;
            }

            var (spot, words) = ArticlePlacement.Of(context, anchor);
            var text = Syndication.Text.TextFolding.CollapseWhiteSpace(anchor.TextContent);
            var hidden = context.Page.Visibility.ReasonFor(anchor) ?? (text.Length == 0 && anchor.QuerySelector("img, svg") is null ? "the link has no text or image" : null);
            yield return new Link(anchor, url, toOriginal, text, spot, words, hidden);
        }
    }

    private sealed record Link(IElement Element, Uri Url, bool ToOriginal, string Text, Spot Spot, string Where, string? Hidden)
    {
        public Evidence Evidence(string note) => EvidenceFactory.For(Element, note, Text);
    }
}
