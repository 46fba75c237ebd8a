using Syndication.Images;
using Syndication.Locating;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Profiles;
using Syndication.Resources;
using Syndication.Text;

namespace Syndication.Checks;

/// <summary>What every check of one page reads: the page, the article region, the licence profile and the reporters to credit.</summary>
public sealed class CheckContext
{
    private CreditAnalysis? _credits;

    public CheckContext(PageDocument page, ArticleRegion region, LicenceProfile profile, IReadOnlyList<PersonName> reporters, Original? original)
    {
        Page = page;
        Region = region;
        Profile = profile;
        Reporters = reporters;
        Original = original;
    }

    public PageDocument Page { get; }

    public ArticleRegion Region { get; }

    public LicenceProfile Profile { get; }

    /// <summary>The reporters the page must credit (the original's, or those named with --reporter).</summary>
    public IReadOnlyList<PersonName> Reporters { get; }

    public Original? Original { get; }

    /// <summary>The page's web address as given (null for a local file): links back to itself are told apart by it.</summary>
    public Uri? PageUrl { get; init; }

    /// <summary>When the page is judged (the run's clock).</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>What the runner fetched for this page's checks (<see cref="IAsksForResources"/>); none in a pure evaluation.</summary>
    public PageResources Resources { get; internal set; } = PageResources.None;

    /// <summary>The profile's reference logos, when the runner loaded them for this page.</summary>
    public IReadOnlyList<ReferenceLogo> References { get; internal set; } = [];

    public ImageLimits ImageLimits { get; internal set; } = ImageLimits.Default;

    /// <summary>Where the reporters are credited: computed once, read by the byline and affiliation checks.</summary>
    public CreditAnalysis Credits => _credits ??= CreditAnalysis.Analyse(this);
}
