using Microsoft.Extensions.Time.Testing;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Partners;

public sealed class WaiverTests
{
    private static readonly Waiver Logo = new("Plains Reporter", "*/iran-*", "logo", "print edition only", "Jane Smith", new DateOnly(2026, 12, 31), 3);

    [Test]
    public void A_waiver_in_force_marks_the_failure_waived_without_hiding_it()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var result = new WaiverStage([Logo], time).Process(0, Failing("https://plains.example/2022/iran-drones/", "Plains Reporter"));
        var logo = result.Requirements.Single(r => r.Id == "logo");
        Assert.That(logo.Status, Is.EqualTo(Outcome.Fail), "still reported as the failure it is");
        Assert.That(logo.Waiver, Is.EqualTo(new WaiverNote("print edition only", "Jane Smith", new DateOnly(2026, 12, 31), Expired: false)));
        Assert.That(logo.IsWaived, Is.True);
        Assert.That(result.Waived, Is.True);
        Assert.That(ExitCodes.For(RunSummary.Create(time.GetUtcNow(), time.GetUtcNow(), [result]), FailOn.Any), Is.EqualTo(ExitCodes.Ok));
    }

    [Test]
    public void An_expired_waiver_is_shown_but_no_longer_applies()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var result = new WaiverStage([Logo], time).Process(0, Failing("https://plains.example/2022/iran-drones/", "Plains Reporter"));
        var logo = result.Requirements.Single(r => r.Id == "logo");
        Assert.That(logo.Waiver!.Expired, Is.True);
        Assert.That(logo.IsWaived, Is.False);
        Assert.That(result.Waived, Is.False);
        Assert.That(ExitCodes.For(RunSummary.Create(time.GetUtcNow(), time.GetUtcNow(), [result]), FailOn.Any), Is.EqualTo(ExitCodes.NonCompliant));
    }

    [TestCase("https://plains.example/2022/iran-drones/", "Other Partner")]
    [TestCase("https://plains.example/2022/rural-hospitals/", "Plains Reporter")]
    public void A_waiver_covers_only_its_partner_pages_and_requirement(string url, string partner)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var result = new WaiverStage([Logo], time).Process(0, Failing(url, partner));
        Assert.That(result.Requirements.All(r => r.Waiver is null), Is.True);
    }

    [Test]
    public void A_page_with_a_second_unwaived_failure_is_not_waived()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var page = Failing("https://plains.example/2022/iran-drones/", "Plains Reporter");
        page = page with { Requirements = [.. page.Requirements.Select(r => r.Id == "byline" ? RequirementOutcome.Fail("byline", "no credit") : r)] };
        var result = new WaiverStage([Logo], time).Process(0, page);
        Assert.That(result.Waived, Is.False);
    }

    [Test]
    public void Waivers_are_read_from_the_partner_list_with_their_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("partners.yaml");
        File.WriteAllText(path, """
            partners:
              - name: Plains Reporter
                pages: [https://plains.example/a]
            waivers:
              - partner: Plains Reporter
                requirement: logo
                reason: Logo shown in the print edition only, agreed for the redesign
                agreedBy: Jane Smith (DCNF licensing)
                expires: 2027-01-31
            """);
        var waiver = PartnerListReader.Read(path).Waivers.Single();
        Assert.That(waiver, Is.EqualTo(new Waiver("Plains Reporter", null, "logo", "Logo shown in the print edition only, agreed for the redesign", "Jane Smith (DCNF licensing)", new DateOnly(2027, 1, 31), 5)));
    }

    [TestCase("    requirement: credit\n", 9, "waivers[0].requirement: unknown requirement 'credit'")]
    [TestCase("    expires: soon\n", 8, "waivers[0].expires: expected a date like 2027-01-31")]
    [TestCase("    partner: Nobody\n", 8, "waivers[0].partner: no partner \"Nobody\" in the list")]
    public void A_bad_waiver_is_refused_with_the_line_of_the_bad_field(string line, int lineNumber, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("partners.yaml");
        var waiver = "  - partner: Plains Reporter\n    reason: r\n    agreedBy: a\n    expires: 2027-01-31\n";
        var key = line.Trim().Split(':')[0];
        waiver = string.Join('\n', waiver.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal) && !l.TrimStart().StartsWith("- " + key + ":", StringComparison.Ordinal))) + line;
        if (!waiver.StartsWith("  - ", StringComparison.Ordinal))
        {
            waiver = "  - " + waiver.TrimStart();
        }

        File.WriteAllText(path, "partners:\n  - name: Plains Reporter\n    pages: [https://plains.example/a]\nwaivers:\n" + waiver);
        var list = PartnerListReader.Read(path);
        Assert.That(list.Waivers, Is.Empty, "the bad waiver is refused");
        Assert.That(list.Refused.Single(), Does.Contain($"partners.yaml:{lineNumber}: " + expected));
        Assert.That(list.PageCount, Is.EqualTo(1), "the pages are still audited");
    }

    private static PageResult Failing(string url, string partner) => new()
    {
        Url = url,
        Partner = partner,
        Verdict = PageVerdict.NonCompliant,
        Requirements = [RequirementOutcome.Fail("logo", "no logo"), RequirementOutcome.Pass("byline", "ok"), RequirementOutcome.Pass("affiliation", "ok")],
    };
}
