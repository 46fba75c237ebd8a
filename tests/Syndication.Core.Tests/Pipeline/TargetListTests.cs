using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Pipeline;

/// <summary>An audit's pages built from the partner list when read: the same targets as the list says, in list order, with positions; a shard's and discovery's too.</summary>
public sealed class TargetListTests
{
    private const string List = """
        partners:
          - name: Plains Reporter
            robots: false
            pages:
              - https://plains.example/a
              - url: https://plains.example/b
                original: https://wire.example/story
          - name: Valley Courier
            profile: calmatters
            render: always
            pages:
              - https://valley.example/c
              - url: https://other.example/d
                profile: texas-tribune
        """;

    [Test]
    public void Each_listed_page_is_built_as_the_list_sets_it_each_time_it_is_read()
    {
        using var folder = new TempFolder();
        var (targets, positions) = AuditTargets.Of(Read(folder));

        Assert.That(targets.Select(t => t.Address.Argument), Is.EqualTo(new[] { "https://plains.example/a", "https://plains.example/b", "https://valley.example/c", "https://other.example/d" }));
        Assert.That(targets.Select(t => t.Partner), Is.EqualTo(new[] { "Plains Reporter", "Plains Reporter", "Valley Courier", "Valley Courier" }));
        Assert.That(targets.Select(t => t.IgnoreRobots), Is.EqualTo(new[] { true, true, false, false }));
        Assert.That(targets[1].ExpectedOriginal, Is.EqualTo("https://wire.example/story"));
        Assert.That(targets.Select(t => t.Profile), Is.EqualTo(new[] { null, null, "calmatters", "texas-tribune" }));
        Assert.That(targets[2].Render, Is.EqualTo(Syndication.Rendering.RenderMode.Always));
        Assert.That(positions[1] - positions[0], Is.EqualTo(1));
        Assert.That(positions[2], Is.EqualTo(AuditTargets.Stride(Read(folder))), "the second partner's block");

        // Read twice: built twice, equal field by field.
        var (first, again) = (targets[3], targets[3]);
        Assert.That(first, Is.Not.SameAs(again));
        Assert.That((again.Address.Url, again.Partner, again.Profile), Is.EqualTo((first.Address.Url, first.Partner, first.Profile)));
        TargetList mapped = targets.Select(t => t with { Profile = t.Profile ?? "run" }).Select(t => t with { Partner = t.Partner + "!" });
        Assert.That(mapped.Select(t => t.Profile), Is.EqualTo(new[] { "run", "run", "calmatters", "texas-tribune" }), "maps applied in turn, on each read");
        Assert.That(mapped.Select(t => t.Partner), Has.All.EndsWith("!"));
    }

    [Test]
    public void A_shard_keeps_only_its_hosts_pages_and_discovered_pages_are_held_as_they_came()
    {
        using var folder = new TempFolder();
        var list = Read(folder);
        var all = AuditTargets.Of(list).Targets.Select(t => t.Address.Argument).ToList();
        var sliced = Enumerable.Range(1, 3).SelectMany(k => AuditTargets.Of(list, new Shard(k, 3)).Targets.Select(t => t.Address.Argument)).ToList();
        Assert.That(sliced, Is.EquivalentTo(all), "the slices together hold every page once");

        var found = PageTarget.Of("https://valley.example/found", "Valley Courier");
        var (targets, positions) = AuditTargets.Of(list, discovered: name => name == "Valley Courier" ? [found] : []);
        Assert.That(targets.Count, Is.EqualTo(5));
        Assert.That(targets[4].Address, Is.SameAs(found.Address), "held, not rebuilt");
        Assert.That(targets[4].Profile, Is.EqualTo("calmatters"), "its partner's licence");
        Assert.That(positions[4], Is.EqualTo(positions[3] + 1), "after the partner's listed pages");
    }

    private static PartnerList Read(TempFolder folder)
    {
        var path = folder.File("partners.yaml");
        File.WriteAllText(path, List);
        return PartnerListReader.Read(path);
    }
}
