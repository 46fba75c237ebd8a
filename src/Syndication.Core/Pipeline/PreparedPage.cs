using Syndication.Checks;
using Syndication.Images;
using Syndication.Resources;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// A page matched and located, its checks not yet run: it says what its checks need fetched, then decides with it.
/// A page decided before any check (not applicable, article not found) has its result already.
/// </summary>
public sealed class PreparedPage
{
    private readonly CheckContext? _context;
    private readonly IReadOnlyList<IRequirementCheck> _checks = [];
    private readonly Func<List<RequirementOutcome>, PageResult>? _result;
    private readonly PageResult? _decided;

    internal PreparedPage(PageResult decided) => _decided = decided;

    internal PreparedPage(CheckContext context, IReadOnlyList<IRequirementCheck> checks, Func<List<RequirementOutcome>, PageResult> result)
    {
        _context = context;
        _checks = checks;
        _result = result;
    }

    /// <summary>Where the article is on the page, when it was located.</summary>
    public Locating.ArticleRegion? Region => _context?.Region;

    /// <summary>The result when the page was decided without its checks, else null.</summary>
    public PageResult? Decided => _decided;

    /// <summary>What the checks ask the runner to fetch, in the order each asked (most likely first).</summary>
    public IReadOnlyList<ResourceRequest> Needs() =>
        _context is null ? [] : _checks.OfType<IAsksForResources>().SelectMany(c => c.Needs(_context)).ToList();

    /// <summary>Runs the checks with what was fetched (nothing: judged from the markup).</summary>
    public PageResult Finish(PageResources? resources = null, IReadOnlyList<ReferenceLogo>? references = null, ImageLimits? limits = null)
    {
        if (_decided is not null)
        {
            return _decided;
        }

        var context = _context!;
        context.Resources = resources ?? PageResources.None;
        context.References = references ?? [];
        context.ImageLimits = limits ?? ImageLimits.Default;
        return _result!(_checks.Select(c => c.Evaluate(context)).ToList());
    }
}
