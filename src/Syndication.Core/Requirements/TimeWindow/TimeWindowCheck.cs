using System.Globalization;
using Syndication.Checks;
using Syndication.Verdicts;

namespace Syndication.Requirements.TimeWindow;

/// <summary>
/// Counted from the original's publication. <c>within</c>: the page's own publish date (<see cref="PageDate"/>) more
/// than N days later fails; a day more is review (a date without a time, or time zones, can explain a day); no date
/// on the page, or a date before the original, is review. <c>takeDown</c>: the page still up more than N days after
/// the original (on the run's date) fails. The worse of the two is the outcome.
/// </summary>
internal sealed class TimeWindowCheck(string id, int? within, int? takeDown) : IRequirementCheck
{
    private static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    public string Id => id;

    public RequirementOutcome Evaluate(CheckContext context)
    {
        if (context.Original is not { } original)
        {
            return RequirementOutcome.Review(Id, "no original is at hand (the article was found from the page, with --reporter): when it was published is unknown");
        }

        if (original.Published is not { } published)
        {
            return RequirementOutcome.Review(Id, "the original's publication date is unknown (its source gives none), so the time window cannot be counted");
        }

        var parts = new List<RequirementOutcome>();
        if (takeDown is { } days)
        {
            parts.Add(TakeDown(context, published, days));
        }

        if (within is { } limit)
        {
            parts.Add(Within(context, published, limit));
        }

        var worst = parts.MaxBy(p => p.Status)!;
        return worst with
        {
            Message = string.Join("; ", parts.OrderByDescending(p => ReferenceEquals(p, worst)).Select(p => p.Message)),
            Evidence = [.. parts.SelectMany(p => p.Evidence)],
        };
    }

    private RequirementOutcome TakeDown(CheckContext context, DateTimeOffset published, int days)
    {
        var age = context.Now - published;
        return age > TimeSpan.FromDays(days)
            ? RequirementOutcome.Fail(Id, $"still up {Days(age)} after the original was published ({Day(published)}, checked {Day(context.Now)}): the licence asks republications to come down, or give way to a link, after {days} days")
            : RequirementOutcome.Pass(Id, $"{Days(age)} since the original was published ({Day(published)}), within the {days}-day take-down window");
    }

    private RequirementOutcome Within(CheckContext context, DateTimeOffset published, int days)
    {
        if (PageDate.Of(context) is not { } stated)
        {
            return RequirementOutcome.Review(Id, $"the page states no publish date in its markup (JSON-LD datePublished, article:published_time, itemprop=datePublished, a <time> in its header), so whether it was republished within {days} days of the original ({Day(published)}) cannot be told");
        }

        var evidence = EvidenceFactory.For(stated.Element, stated.Source, stated.Date.ToString("u", CultureInfo.InvariantCulture));
        var delay = stated.Date - published;
        if (delay < -Grace)
        {
            return RequirementOutcome.Review(Id, $"the page says it was published on {Day(stated.Date)} ({stated.Source}), before the original ({Day(published)}): a wrong date in its markup, or an earlier version of the story?", evidence);
        }

        var limit = TimeSpan.FromDays(days);
        if (delay > limit + Grace)
        {
            return RequirementOutcome.Fail(Id, $"republished {Days(delay)} after the original ({Day(published)} → {Day(stated.Date)}, {stated.Source}); the licence allows {days} days", evidence);
        }

        if (delay > limit)
        {
            return RequirementOutcome.Review(Id, $"republished {Days(delay)} after the original ({Day(published)} → {Day(stated.Date)}, {stated.Source}), just past the {days} days allowed: a date without a time, or time zones, may explain it", evidence);
        }

        return RequirementOutcome.Pass(Id, $"republished {Days(delay < TimeSpan.Zero ? TimeSpan.Zero : delay)} after the original ({Day(published)} → {Day(stated.Date)}, {stated.Source}), within the {days} days allowed", evidence);
    }

    private static string Day(DateTimeOffset date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Days(TimeSpan span)
    {
        if (span.TotalDays < 1)
        {
            var hours = Math.Max(0, (int)span.TotalHours);
            return hours == 1 ? "1 hour" : $"{hours} hours";
        }

        var days = span.TotalDays.ToString("0.#", CultureInfo.InvariantCulture);
        return days == "1" ? "1 day" : $"{days} days";
    }
}
