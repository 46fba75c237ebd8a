using Syndication.Checks;
using Syndication.Locating;
using Syndication.Matching;
using Syndication.Parsing;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// From a parsed page to a verdict: match the original, locate the article region, run each requirement's check.
/// Pure: no I/O, so tests and benchmarks call it directly. The runner splits it in two around the resources the
/// checks ask for (<see cref="Prepare"/>, then <see cref="PreparedPage.Finish"/>); <see cref="Evaluate"/> runs both
/// without resources, judging from the markup alone.
/// </summary>
public sealed class PageEvaluator(CheckSettings settings)
{
    public CheckSettings Settings => settings;

    public PageResult Evaluate(PageDocument page, PageTarget target) => Prepare(page, target).Finish();

    /// <summary>Matches and locates; the checks run in <see cref="PreparedPage.Finish"/>.</summary>
    public PreparedPage Prepare(PageDocument page, PageTarget target)
    {
        string? note = null;
        var expected = target.ExpectedOriginal is { } named ? settings.Catalogue.Find(named) : null;
        if (target.ExpectedOriginal is not null && expected is null)
        {
            note = $"the partner list names the original \"{target.ExpectedOriginal}\", which is not among the originals; matched by text instead";
        }

        var match = expected is null ? OriginalMatcher.Match(page, settings.Catalogue) : OriginalMatcher.MatchExpected(page, expected);
        if (expected is not null && match.Match is null)
        {
            return new PreparedPage(NeedsReview(target, match.Reason, null));
        }

        IReadOnlyList<PersonName> reporters;
        IReadOnlyList<TextBlock> story;
        string? title;
        string method;
        OriginalInfo? info = null;
        if (match.Match is { } found)
        {
            var original = found.Original.Original;
            reporters = original.Reporters.Count > 0 ? original.Reporters.Select(r => new PersonName(r)).ToList() : settings.Reporters;
            story = found.MatchedBlocks;
            title = original.Title;
            method = "original";
            info = new OriginalInfo(original.Title, original.Url, reporters.Select(r => r.Display).ToList(), found.Score);
        }
        else if (settings.Reporters.Count > 0)
        {
            reporters = settings.Reporters;
            story = MainContentFinder.StoryBlocks(page);
            title = page.Document.QuerySelector("meta[property='og:title']")?.GetAttribute("content") ?? page.Title;
            method = "main-content";
        }
        else
        {
            return new PreparedPage(new PageResult
            {
                Url = target.Address.Argument,
                Partner = target.Partner,
                Verdict = PageVerdict.NotApplicable,
                Note = $"republishes no known original: {match.Reason}" + (target is { Partner: { } partner, Discovered: null }
                    ? $"; it is listed by hand for {partner}: is the list out of date, or is its original missing from the catalogue?"
                    : string.Empty),
            });
        }

        var region = ArticleLocator.Locate(page, story, title, method);
        if (region is null)
        {
            var why = method == "main-content"
                ? $"no paragraph of {MainContentFinder.MinWords} words or more, mostly unlinked, stands outside site chrome and picture captions to be read as the story"
                : "none of the original's matched text is visible on it";
            return new PreparedPage(NeedsReview(target, $"could not locate the article on the page: {why}", info));
        }

        var context = new CheckContext(page, region, settings.Profile, reporters, match.Match?.Original.Original)
        {
            PageUrl = target.Address.Url,
            Now = settings.Clock.GetUtcNow(),
        };
        return new PreparedPage(context, settings.Profile.Checks, outcomes => new PageResult
        {
            Url = target.Address.Argument,
            Partner = target.Partner,
            Verdict = VerdictRules.FromOutcomes(outcomes),
            Original = info,
            Requirements = outcomes,
            Region = region.Describe(),
            Note = method == "main-content" ? "no original matched: the article was located from the page itself, reporters from --reporter" : note,
        });
    }

    /// <summary>A page a person must look at: every requirement is for review, for the same reason.</summary>
    private PageResult NeedsReview(PageTarget target, string why, OriginalInfo? info) => new()
    {
        Url = target.Address.Argument,
        Partner = target.Partner,
        Verdict = PageVerdict.NeedsReview,
        Original = info,
        Note = why,
        Requirements = settings.Profile.RequirementIds.Select(id => RequirementOutcome.Review(id, why)).ToList(),
    };
}
