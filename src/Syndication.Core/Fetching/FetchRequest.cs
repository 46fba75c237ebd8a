namespace Syndication.Fetching;

/// <summary>A page to fetch, and what its partner's settings change about fetching it.</summary>
public sealed record FetchRequest(PageAddress Address, bool IgnoreRobots = false)
{
    public static implicit operator FetchRequest(PageAddress address) => new(address);

    public static FetchRequest FromPageAddress(PageAddress address) => new(address);
}
