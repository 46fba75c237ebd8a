using Syndication.Checks;

namespace Syndication.Resources;

/// <summary>
/// A check that may need more than the markup to decide. Before it evaluates, it says what it needs (nothing when
/// the markup has decided); the runner fetches that through the one guarded fetcher and hands it back in
/// <see cref="CheckContext.Resources"/>. Without them (a pure evaluation, images turned off, a fetch that failed)
/// the check still decides, from the markup.
/// </summary>
public interface IAsksForResources
{
    IReadOnlyList<ResourceRequest> Needs(CheckContext context);
}
