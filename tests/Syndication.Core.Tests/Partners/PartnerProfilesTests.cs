using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Partners;

/// <summary>A partner list whose partners republish different licensors: a profile per partner or per page, originals per licensor.</summary>
public sealed class PartnerProfilesTests
{
    private const string List = """
        settings:
          originals: [dcnf.xml]
        partners:
          - name: Plains Reporter
            originals: [more-dcnf.xml]
            pages:
              - a.html
              - file: b.html
                profile: wire.yaml
          - name: Valley Courier
            profile: wire.yaml
            originals: [wire.xml]
            pages:
              - c.html
              - file: d.html
                profile: DCNF
          - name: Statehouse Daily
            profile: calmatters
            pages: [e.html]
        """;

    [Test]
    public void A_profile_is_read_per_partner_and_per_page_with_originals_per_partner()
    {
        using var folder = new TempFolder();
        var list = Read(folder, List);
        var (plains, courier, statehouse) = (list.Partners[0], list.Partners[1], list.Partners[2]);
        Assert.That(plains.Profile, Is.Null);
        Assert.That(plains.Originals, Is.EqualTo(new[] { folder.File("more-dcnf.xml") }));
        Assert.That(plains.Pages[1].Profile, Is.EqualTo(folder.File("wire.yaml")), "a file resolved against the list's folder");
        Assert.That(courier.Profile, Is.EqualTo(folder.File("wire.yaml")));
        Assert.That(courier.Pages[1].Profile, Is.EqualTo("DCNF"), "a built-in name as written");
        Assert.That(statehouse.Profile, Is.EqualTo("calmatters"));
    }

    [Test]
    public void Each_licensor_takes_the_originals_of_the_partners_that_name_it_and_each_page_names_its_licensor()
    {
        using var folder = new TempFolder();
        var list = Read(folder, List);
        var (targets, _) = AuditTargets.Of(list);

        var (run, others, planned) = AuditLicensors.Plan(list, runProfile: null, [folder.File("dcnf.xml")], targets);

        Assert.That(run, Is.EqualTo(new[] { folder.File("dcnf.xml"), folder.File("more-dcnf.xml") }), "the run's licensor: settings and partners naming no profile");
        Assert.That(others.Select(o => o.Profile), Is.EqualTo(new[] { folder.File("wire.yaml"), "calmatters" }));
        Assert.That(others[0].Originals, Is.EqualTo(new[] { folder.File("wire.xml") }));
        Assert.That(others[1].Originals, Is.Empty, "from the catalogue only");
        Assert.That(planned.Select(t => t.Profile), Is.EqualTo(new[] { null, folder.File("wire.yaml"), folder.File("wire.yaml"), null, "calmatters" }), "DCNF named by a page is the run's own licensor");
    }

    [Test]
    public void When_the_run_is_another_licensors_partners_naming_no_profile_are_judged_by_it()
    {
        using var folder = new TempFolder();
        var list = Read(folder, List);
        var (targets, _) = AuditTargets.Of(list);

        var (run, others, planned) = AuditLicensors.Plan(list, runProfile: folder.File("wire.yaml"), [], targets);

        Assert.That(run, Is.EqualTo(new[] { folder.File("more-dcnf.xml"), folder.File("wire.xml") }));
        Assert.That(others.Select(o => o.Profile), Is.EqualTo(new[] { "DCNF", "calmatters" }));
        Assert.That(planned.Select(t => t.Profile), Is.EqualTo(new[] { null, null, null, "DCNF", "calmatters" }));
    }

    [Test]
    public void A_csv_list_names_a_profile_per_page()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.csv");
        File.WriteAllText(path, "partner,page,profile\nValley Courier,c.html,wire.yaml\nValley Courier,d.html,\nStatehouse Daily,e.html,calmatters\n");
        var list = PartnerListReader.Read(path);
        Assert.That(list.Pages().Select(p => p.Profile), Is.EqualTo(new[] { folder.File("wire.yaml"), null, "calmatters" }));
    }

    private static PartnerList Read(TempFolder folder, string yaml)
    {
        var path = folder.File("partners.yaml");
        File.WriteAllText(path, yaml);
        return PartnerListReader.Read(path);
    }
}
