using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Parsing;
using Syndication.Verdicts;

namespace Syndication.Requirements.Pixel;

/// <summary>
/// The pixel is judged in the page as served: an element a browser loads. A pixel is meant to be unseen, so
/// <c>display:none</c> or 1×1 is no fault (an eager image loads anyway). Pass: an image or script that loads it (for
/// this story, when the profile says how to tell). Fail: stripped, commented out, escaped into the page's text, inside
/// a <c>&lt;template&gt;</c> or a <c>&lt;noscript&gt;</c> (a browser running scripts never loads it). Review: it
/// loads only if the page's lazy loader or consent manager lets it, or it counts another story.
/// </summary>
internal sealed class PixelCheck(string id, IReadOnlyList<Regex> images, IReadOnlyList<Regex> scripts, IReadOnlyList<Regex> storyId) : IRequirementCheck
{
    private static readonly string[] LazyAttributes = ["data-src", "data-lazy-src", "data-original", "data-srcset", "data-lazy-srcset"];

    public string Id => id;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        var found = Candidates(context).ToList();
        var story = StoryId(context);
        var loads = found.Where(c => c.Problem is null).ToList();
        if (loads.FirstOrDefault(c => story is null || c.Url.Contains(story, StringComparison.OrdinalIgnoreCase)) is { } good)
        {
            var hidden = context.Page.Visibility.ReasonFor(good.Element) is { } reason ? $" (hidden from view, {reason}, as a pixel may be: it still loads)" : string.Empty;
            return RequirementOutcome.Pass(Id, $"the page loads the {context.Profile.Licensor} {good.What}: {good.Url}{hidden}", EvidenceFactory.For(good.Element, good.What));
        }

        if (loads.FirstOrDefault() is { } other)
        {
            return RequirementOutcome.Review(Id, $"the page loads a {context.Profile.Licensor} {other.What}, but for another story: its URL {other.Url} does not carry this story's id {story}", EvidenceFactory.For(other.Element, "counts another story"));
        }

        if (found.FirstOrDefault(c => c.MayLoad) is { } maybe)
        {
            return RequirementOutcome.Review(Id, $"the {maybe.What} is in the page, but {maybe.Problem}", EvidenceFactory.For(maybe.Element, maybe.Problem!));
        }

        if (found.FirstOrDefault() is { } broken)
        {
            return RequirementOutcome.Fail(Id, $"the {broken.What} is in the markup but never loads: {broken.Problem}", EvidenceFactory.For(broken.Element, broken.Problem!));
        }

        if (InComment(context.Page.Document) is { } comment)
        {
            var where = comment.ParentElement ?? context.Page.Document.DocumentElement;
            return RequirementOutcome.Fail(Id, $"the {context.Profile.Licensor} pixel is commented out (<!-- ... -->): a browser never loads it", EvidenceFactory.For(where, "commented out", EvidenceFactory.Shorten(comment.TextContent.Trim())));
        }

        if (InText(context.Page) is { } block)
        {
            return RequirementOutcome.Fail(Id, "the pixel's code is shown as text on the page (the CMS escaped it), so a browser never loads it", EvidenceFactory.For(block.Element, "escaped into text", block.Text));
        }

        return RequirementOutcome.Fail(Id, $"no element in the page loads the {context.Profile.Licensor} pixel (looked for {Looked()}): stripped by the CMS, or never added");
    }

    private string Looked() => string.Join(" or ", images.Select(r => $"an image matching /{r}/").Concat(scripts.Select(r => $"a script matching /{r}/")));

    private IEnumerable<Candidate> Candidates(CheckContext context)
    {
        var document = context.Page.Document;
        foreach (var image in document.QuerySelectorAll("img, amp-img, image, source"))
        {
            var src = image.GetAttribute("src") ?? string.Empty;
            var srcset = image.GetAttribute("srcset") ?? string.Empty;
            if (Matches(images, src) || Matches(images, srcset))
            {
                var url = Matches(images, src) ? src : srcset;
                var (problem, mayLoad) = Problem(context, image, lazyOnly: false);
                yield return new Candidate(image, "pixel", url.Trim(), problem, mayLoad);
                continue;
            }

            if (LazyAttributes.Select(image.GetAttribute).FirstOrDefault(v => v is not null && Matches(images, v)) is { } lazy)
            {
                var (problem, mayLoad) = Problem(context, image, lazyOnly: true);
                yield return new Candidate(image, "pixel", lazy.Trim(), problem, mayLoad);
            }
        }

        foreach (var script in document.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            if (src is not null ? Matches(scripts, src) : scripts.Count > 0 && Matches(scripts, script.TextContent))
            {
                var (problem, mayLoad) = ScriptProblem(script) is { } type ? (type, true) : Problem(context, script, lazyOnly: false);
                yield return new Candidate(script, "counting script", src ?? "(inline)", problem, mayLoad);
            }
        }
    }

    /// <summary>Why the element does not load as it stands (null when it loads), and whether it may load after all.</summary>
    private static (string? Problem, bool MayLoad) Problem(CheckContext context, IElement element, bool lazyOnly)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "template")
            {
                return ("it is inside a <template>, whose content is never loaded", false);
            }

            if (e.LocalName == "noscript")
            {
                return ("it is inside <noscript>: a browser that runs scripts (nearly every reader's) never loads it", false);
            }
        }

        if (lazyOnly)
        {
            return ("its address is only in a lazy-loading attribute (data-src): it loads only if the page's lazy-loading script runs and scrolls it into view", true);
        }

        if (string.Equals(element.GetAttribute("loading"), "lazy", StringComparison.OrdinalIgnoreCase) && context.Page.Visibility.ReasonFor(element) is { } hidden)
        {
            return ($"it is lazy-loaded (loading=\"lazy\") and hidden ({hidden}): browsers defer a hidden lazy image, perhaps forever", true);
        }

        return (null, false);
    }

    /// <summary>A script a browser does not run as it stands (a consent manager's text/plain, a template).</summary>
    private static string? ScriptProblem(IElement script)
    {
        var type = script.GetAttribute("type")?.Trim().ToLowerInvariant();
        return type is null or "" or "text/javascript" or "application/javascript" or "module" or "text/ecmascript"
            ? null
            : $"its type is \"{type}\", which a browser does not run as it stands (a consent manager may switch it on)";
    }

    private string? StoryId(CheckContext context)
    {
        foreach (var pattern in storyId)
        {
            foreach (var source in new[] { context.Original?.Url, context.Original?.LicensorId })
            {
                if (source is not null && pattern.Match(source) is { Success: true } match)
                {
                    return match.Groups.Count > 1 ? match.Groups[1].Value : match.Value;
                }
            }
        }

        return null;
    }

    private IComment? InComment(IDocument document) =>
        document.Descendants<IComment>().FirstOrDefault(c => Matches(images, c.TextContent) || Matches(scripts, c.TextContent));

    private TextBlock? InText(PageDocument page) =>
        page.Blocks.FirstOrDefault(b => b.Text.Contains('<', StringComparison.Ordinal) && (Matches(images, b.Text) || Matches(scripts, b.Text)));

    private static bool Matches(IReadOnlyList<Regex> patterns, string text) => text.Length > 0 && patterns.Any(p => p.IsMatch(text));

    /// <param name="Problem">Why it does not load as it stands; null when it loads.</param>
    /// <param name="MayLoad">It may load after all (a person should look), rather than never.</param>
    private sealed record Candidate(IElement Element, string What, string Url, string? Problem, bool MayLoad);
}
