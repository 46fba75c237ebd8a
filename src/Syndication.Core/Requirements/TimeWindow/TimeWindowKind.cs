using Syndication.Checks;
using Syndication.Profiles;

namespace Syndication.Requirements.TimeWindow;

/// <summary>When a republication may appear and how long it may stay up, counted from the original's publication.</summary>
public sealed class TimeWindowKind : IRequirementKind
{
    public string Id => "time-window";

    public string Summary => "the republication appeared within N days of the original (the page's publish date from its markup), and is not still up past the take-down window";

    public IReadOnlyList<RequirementOption> Options { get; } =
    [
        new("within", OptionType.Number, "days after the original's publication by which the republication must appear (its publish date in the page's markup)"),
        new("takeDown", OptionType.Number, "days after the original's publication after which the republication must come down or give way to a link (counted to the run's date)") { Minimum = 1 },
    ];

    public IRequirementCheck Create(RequirementSettings settings)
    {
        var within = settings.Options.Number("within");
        var takeDown = settings.Options.Number("takeDown");
        if (within is null && takeDown is null)
        {
            throw new ProfileException("time-window needs 'within' (days to republish) or 'takeDown' (days until the story must come down)");
        }

        return new TimeWindowCheck(settings.Id, within, takeDown);
    }
}
