using Syndication.Fetching;

namespace Syndication.Pipeline;

/// <summary>One page to check, with the partner it belongs to (from a partner list) and its position in the run.</summary>
public sealed record PageTarget(PageAddress Address, string? Partner = null, string? ExpectedOriginal = null, bool IgnoreRobots = false)
{
    public static PageTarget Of(string argument, string? partner = null) => new(PageAddress.Parse(argument), partner);
}
