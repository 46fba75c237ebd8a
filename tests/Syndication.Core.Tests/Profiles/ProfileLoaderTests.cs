using Syndication.Checks;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Profiles;

public sealed class ProfileLoaderTests
{
    [Test]
    public void The_built_in_profile_is_dcnf()
    {
        var profile = ProfileLoader.BuiltIn;
        Assert.That(profile.Licensor, Is.EqualTo("Daily Caller News Foundation"));
        Assert.That(profile.Names.Select(n => n.Display), Is.EquivalentTo(new[] { "Daily Caller News Foundation", "DCNF" }));
        Assert.That(profile.NotNames.Select(n => n.Display), Does.Contain("The Daily Caller"));
        Assert.That(profile.RequirementIds, Is.EqualTo(new[] { RequirementIds.Logo, RequirementIds.Byline, RequirementIds.Affiliation }));
        Assert.That(profile.Logo.FileNameMatches("dcnf-logo.png"), Is.True);
        Assert.That(profile.Logo.FileNameIsOther("dailycaller-logo.png"), Is.True);
        Assert.That(profile.Logo.FileNameIsOther("daily-caller-news-foundation-logo.png"), Is.False);
        Assert.That(profile.IsBoilerplate("All content created by the Daily Caller News Foundation, an independent..."), Is.True);
    }

    [TestCase("propublica", "ProPublica", "byline, credit-line, link-to-original, links-kept, pixel, unedited, photos")]
    [TestCase("the-conversation", "The Conversation", "byline, link-to-original, pixel, unedited, photos")]
    [TestCase("calmatters", "CalMatters", "byline, affiliation, credit-line, unedited, link-to-original, pixel")]
    [TestCase("texas-tribune", "The Texas Tribune", "byline, affiliation, links-kept, link-to-original, unedited, photos")]
    public void The_built_in_profiles_of_other_licensors_load_by_name_with_their_clauses(string name, string licensor, string requirements)
    {
        Assert.That(ProfileLoader.BuiltInIds, Does.Contain(name));
        var profile = ProfileLoader.Load(name);
        Assert.That(profile.Id, Is.EqualTo(name));
        Assert.That(profile.Licensor, Is.EqualTo(licensor));
        Assert.That(string.Join(", ", profile.RequirementIds), Is.EqualTo(requirements));
        Assert.That(profile.Checks.Select(c => c.Id), Is.EqualTo(profile.RequirementIds));
        Assert.That(profile.LicenceText, Is.Not.Null.And.Not.Empty, "case files quote the licence");
        Assert.That(ProfileLoader.Load(name.ToUpperInvariant()), Is.SameAs(profile));
    }

    [Test]
    public void A_profile_file_defines_another_licensor()
    {
        using var folder = new TempFolder();
        var path = folder.File("wire.yaml");
        File.WriteAllText(path, """
            id: wire
            licensor: Example Wire Service
            names: [Example Wire Service, EWS]
            notNames: [Example Wire Magazine]
            requirements: [byline, affiliation]
            logo:
              fileNames: ['ews[-_]?logo']
            """);
        var profile = ProfileLoader.Load(path);
        Assert.That(profile.Id, Is.EqualTo("wire"));
        Assert.That(profile.RequirementIds, Is.EqualTo(new[] { "byline", "affiliation" }));
        Assert.That(profile.Logo.FileNameMatches("EWS_logo.svg"), Is.True);
        Assert.That(profile.Boilerplate, Is.Empty);
    }

    [Test]
    public void Json_is_accepted_too()
    {
        var profile = ProfileLoader.Parse("""{ "licensor": "JSON Wire", "names": ["JSON Wire"] }""", "wire.json");
        Assert.That(profile.Licensor, Is.EqualTo("JSON Wire"));
        Assert.That(profile.RequirementIds, Is.EqualTo(new[] { RequirementIds.Logo, RequirementIds.Byline, RequirementIds.Affiliation }));
    }

    [TestCase("licensor: X\nrequirements: [logo, credit]", "unknown requirement 'credit'; valid: logo, byline, affiliation")]
    [TestCase("names: [X]", "'licensor' is required")]
    [TestCase("licensor: X\nlogo:\n  fileNames: ['(unclosed']", "logo.fileNames: invalid regular expression")]
    [TestCase("licensor: X\nnames: [a\n  b: c", "line")]
    [TestCase("licensor: X\ncolour: blue", "line 2")]
    public void A_bad_profile_is_a_one_line_error_naming_file_and_problem(string yaml, string expected)
    {
        var error = Assert.Throws<ProfileException>(() => ProfileLoader.Parse(yaml, "bad.yaml"));
        Assert.That(error!.Message, Does.StartWith("bad.yaml").And.Contain(expected));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void A_missing_profile_file_names_the_built_in_ones() =>
        Assert.That(() => ProfileLoader.Load("/no/such/profile.yaml"), Throws.TypeOf<ProfileException>().With.Message.Contains("built-in profiles: dcnf"));
}
