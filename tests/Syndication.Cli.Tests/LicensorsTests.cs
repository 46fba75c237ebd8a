using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>One audit over partners of two licensors: each page is judged by its own licence, against its licensor's originals.</summary>
public sealed class LicensorsTests
{
    [Test]
    public async Task A_partner_or_a_page_naming_another_profile_is_judged_by_that_licence()
    {
        using var folder = new TempFolder();
        var second = RepoPaths.Samples("golden-state-wire");
        File.WriteAllText(folder.File("partners.yaml"), $"""
            settings:
              originals: ["{RepoPaths.Samples("originals", "feed.xml")}"]
            partners:
              - name: Plains Reporter
                pages:
                  - "{RepoPaths.Samples("pages", "wordpress-compliant.html")}"
                  - file: "{Path.Combine(second, "pages", "courier-compliant.html")}"
                    profile: "{Path.Combine(second, "profile.yaml")}"
              - name: Valley Courier
                profile: "{Path.Combine(second, "profile.yaml")}"
                originals: ["{Path.Combine(second, "originals", "golden-state-wire.xml")}"]
                pages:
                  - "{Path.Combine(second, "pages", "courier-edited-quote.html")}"
                  - file: "{RepoPaths.Samples("pages", "amp-compliant.html")}"
                    profile: dcnf
            """);

        var result = await CliRunner.RunAsync("audit", folder.File("partners.yaml"), "--format", "json", "--no-history", "--no-images", "--catalogue", folder.File("c.db"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        var report = JsonReport.Parse(result.Stdout);
        string Verdict(string page) => report.Page(page).GetProperty("verdict").GetString()!;
        IEnumerable<string> Ids(string page) => report.Page(page).GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);
        Assert.That(Ids("wordpress-compliant.html"), Is.EqualTo(new[] { "logo", "byline", "affiliation" }));
        Assert.That(Ids("amp-compliant.html"), Is.EqualTo(new[] { "logo", "byline", "affiliation" }), "a page naming dcnf in a partner of another licensor");
        Assert.That(Ids("courier-compliant.html"), Does.Contain("credit-line").And.Contain("unedited").And.Not.Contain("logo"), "a page naming the second licensor in a DCNF partner");
        Assert.That(Verdict("courier-compliant.html"), Is.EqualTo("compliant"), "matched against the second licensor's originals its partner lists");
        Assert.That(Verdict("courier-edited-quote.html"), Is.EqualTo("non-compliant"));
        Assert.That(JsonReport.Requirement(report.Page("courier-edited-quote.html"), "unedited").GetProperty("status").GetString(), Is.EqualTo("fail"));
        Assert.That(Verdict("wordpress-compliant.html"), Is.EqualTo("compliant"));
        Assert.That(Verdict("amp-compliant.html"), Is.EqualTo("compliant"));
        Assert.That(result.Stderr, Does.Contain("licence profile golden-state-wire"));
    }

    [Test]
    public async Task Another_licensor_without_any_originals_is_a_configuration_error()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("partners.yaml"), $"""
            settings:
              originals: ["{RepoPaths.Samples("originals", "feed.xml")}"]
            partners:
              - name: Statehouse Daily
                profile: calmatters
                pages: ["{RepoPaths.Samples("pages", "wordpress-compliant.html")}"]
            """);

        var result = await CliRunner.RunAsync("audit", folder.File("partners.yaml"), "--no-history", "--catalogue", folder.File("c.db"));

        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        Assert.That(result.Stderr, Does.Contain("the profile calmatters, which the list names for a partner or a page: no originals"));
    }
}
