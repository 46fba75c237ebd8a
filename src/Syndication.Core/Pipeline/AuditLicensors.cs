using Syndication.Partners;
using Syndication.Profiles;

namespace Syndication.Pipeline;

/// <summary>A licensor of an audit besides the run's own: its profile (a built-in profile's name or a file's path) and the originals the list gives for it.</summary>
public sealed record OtherLicensor(string Profile, IReadOnlyList<string> Originals);

/// <summary>
/// Which licensors an audit judges pages for. The run's profile (<c>--profile</c>, else the list's
/// <c>settings.profile</c>, else dcnf) takes the run's originals and those of partners that name no profile; every
/// other profile a partner or a page names is a licensor of its own, with the originals its partners list (and what
/// the catalogue holds for it). A page names its licensor by <see cref="PageTarget.Profile"/>; the run's is null.
/// </summary>
public static class AuditLicensors
{
    public static (IReadOnlyList<string> RunOriginals, IReadOnlyList<OtherLicensor> Others, TargetList Targets) Plan(
        PartnerList list, string? runProfile, IReadOnlyList<string> runOriginals, TargetList targets)
    {
        var originals = new List<string>(runOriginals);
        var others = new List<(string Profile, List<string> Originals)>();
        List<string> For(string? profile)
        {
            if (profile is null || Same(profile, runProfile))
            {
                return originals;
            }

            var known = others.FindIndex(o => Same(o.Profile, profile));
            if (known < 0)
            {
                others.Add((profile, []));
                known = others.Count - 1;
            }

            return others[known].Originals;
        }

        foreach (var partner in list.Partners)
        {
            var into = For(partner.Profile);
            into.AddRange(partner.Originals.Where(o => !into.Contains(o, StringComparer.Ordinal)));
            foreach (var page in partner.Pages)
            {
                For(page.Profile);
            }
        }

        var licensors = others.Select(o => new OtherLicensor(o.Profile, o.Originals)).ToList();
        return (originals, licensors, targets.Select(t => Assign(t, runProfile, licensors)));
    }

    /// <summary>The target naming its licensor as the plan does: the run's as null, another by the spelling the plan kept.</summary>
    public static PageTarget Assign(PageTarget target, string? runProfile, IReadOnlyList<OtherLicensor> others)
    {
        if (target.Profile is not { } profile)
        {
            return target;
        }

        return Same(profile, runProfile)
            ? target with { Profile = null }
            : target with { Profile = others.FirstOrDefault(o => Same(o.Profile, profile))?.Profile ?? profile };
    }

    /// <summary>Whether two profile arguments name one profile: built-in names case-insensitively (none is dcnf), files by their full path.</summary>
    public static bool Same(string? a, string? b)
    {
        a ??= ProfileLoader.BuiltInId;
        b ??= ProfileLoader.BuiltInId;
        return ProfileLoader.IsBuiltIn(a) || ProfileLoader.IsBuiltIn(b)
            ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
            : string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
    }
}
