using Syndication.Fetching;
using Syndication.Partners;

namespace Syndication.Pipeline;

/// <summary>
/// The pages of an audit in list order, each with its position: every partner (then every watched site) owns a block
/// of positions, its pages listed by hand first, then those discovery brings. Blocks are as wide as the list allows, so
/// the positions of one night agree across shards (every shard knows the list, not the others' discoveries) and a
/// merged run keeps each partner's pages together.
/// </summary>
public static class AuditTargets
{
    /// <summary>The width of each partner's block of positions.</summary>
    public static int Stride(PartnerList list) => int.MaxValue / (list.Partners.Count + list.Watched.Count + 1);

    /// <summary>
    /// Every page, grouped by partner in list order, with positions; with a shard, only the pages listed by hand whose
    /// host is in it (discovered pages come from the shard's own sites).
    /// </summary>
    /// <param name="discovered">The pages discovery brings for a partner or watched site (by name); none when null.</param>
    public static (TargetList Targets, List<int> Positions) Of(PartnerList list, Shard? shard = null, Func<string, IReadOnlyList<PageTarget>>? discovered = null)
    {
        var stride = Stride(list);
        var targets = new TargetList.Builder(list, shard is null ? list.PageCount : 0);
        var positions = new List<int>(shard is null ? list.PageCount : 0);
        var ordinal = 0;
        for (var p = 0; p < list.Partners.Count; p++)
        {
            var partner = list.Partners[p];
            var position = ordinal++ * stride;
            for (var i = 0; i < partner.Pages.Count; i++)
            {
                if (shard is null || shard.Holds(TargetList.Listed(partner, partner.Pages[i], targets.Folder)))
                {
                    targets.AddListed(p, i);
                    positions.Add(position);
                }

                position++;
            }

            foreach (var target in discovered?.Invoke(partner.Name) ?? [])
            {
                targets.AddHeld(target with { Render = partner.Render, Profile = partner.Profile });
                positions.Add(position++);
            }
        }

        foreach (var site in list.Watched)
        {
            var position = ordinal++ * stride;
            foreach (var target in discovered?.Invoke(site.Name) ?? [])
            {
                targets.AddHeld(target);
                positions.Add(position++);
            }
        }

        return (targets.Build(), positions);
    }

    /// <summary>One page argument as a target, or, when it is no page at all, an error page that says why.</summary>
    /// <param name="baseDirectory">What a relative file path is read against: the partner list's folder; else the working folder.</param>
    public static PageTarget TargetFrom(string argument, string? baseDirectory = null)
    {
        try
        {
            return new PageTarget(PageAddress.Parse(argument, baseDirectory));
        }
        catch (FormatException e)
        {
            return new PageTarget(PageAddress.Invalid(argument, e.Message));
        }
    }
}
