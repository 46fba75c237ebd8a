using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// What the totals and the exit code need to know of a page, without the page: a spooled run keeps one per page in
/// memory, so counting and deciding the exit code never read the results back from disk.
/// </summary>
public readonly record struct PageGist(PageVerdict Verdict, string? Partner, bool Waived)
{
    public static PageGist Of(PageResult page) => new(page.Verdict, page.Partner, page.Waived);
}
