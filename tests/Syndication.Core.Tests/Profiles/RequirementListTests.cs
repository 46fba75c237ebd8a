using Syndication.Profiles;
using Syndication.Requirements;

namespace Syndication.Core.Tests.Profiles;

/// <summary>A profile's requirements: kinds from the catalogue, with options checked when the profile loads.</summary>
public sealed class RequirementListTests
{
    [Test]
    public void Short_and_long_forms_name_kinds_from_the_catalogue()
    {
        var profile = ProfileLoader.Parse("""
            licensor: Example Wire
            requirements:
              - logo
              - byline: {}
              - kind: affiliation
            """, "wire.yaml");
        Assert.That(profile.RequirementIds, Is.EqualTo(new[] { "logo", "byline", "affiliation" }));
        Assert.That(profile.Requirements.Select(r => r.Kind), Is.EqualTo(new[] { RequirementCatalogue.Find("logo"), RequirementCatalogue.Find("byline"), RequirementCatalogue.Find("affiliation") }));
        Assert.That(profile.Checks.Select(c => c.Id), Is.EqualTo(profile.RequirementIds));
    }

    [Test]
    public void A_kind_listed_twice_carries_the_id_the_profile_gives_it()
    {
        var profile = ProfileLoader.Parse("""
            licensor: Example Wire
            requirements:
              - byline
              - kind: byline
                id: byline.second
            """, "wire.yaml");
        Assert.That(profile.Checks.Select(c => c.Id), Is.EqualTo(new[] { "byline", "byline.second" }));
        Assert.That(RequirementCatalogue.IsRequirementId("byline.second"), Is.True);
        Assert.That(RequirementCatalogue.IsRequirementId("bylines"), Is.False);
    }

    [TestCase("requirements: [logo, credit]", "requirements[1]: unknown requirement 'credit'; valid: logo, byline, affiliation")]
    [TestCase("requirements: [logo, logo]", "'logo' is listed twice; give the second an id such as 'logo.second'")]
    [TestCase("requirements:\n  - kind: logo\n    id: Logo Two", "the id 'Logo Two' must be 'logo' or 'logo.NAME'")]
    [TestCase("requirements:\n  - kind: logo\n    id: byline.x", "the id 'byline.x' must be 'logo' or 'logo.NAME'")]
    [TestCase("requirements:\n  - logo: { size: 3 }", "unknown option 'size' for logo; valid: none (it takes no options)")]
    [TestCase("requirements:\n  - logo: 3", "expected the requirement's options as a mapping")]
    [TestCase("requirements:\n  - logo: {}\n    byline: {}", "a mapping with several keys needs 'kind:'")]
    [TestCase("requirements:\n  - [logo]", "expected a requirement kind's id or a mapping")]
    [TestCase("requirements:\n  - credit-line: { where: top }", "credit-line needs the option 'text'")]
    [TestCase("requirements:\n  - credit-line: { text: 'By {author}' }", "(credit-line): text \"By {author}\": unknown placeholder {author}; valid: {licensor}, {reporter}, {title}")]
    [TestCase("requirements:\n  - credit-line: { text: x, where: middle }", "(credit-line).where: \"middle\" is not one of top, end, anywhere")]
    [TestCase("requirements:\n  - link-to-original: { accept: [link, meta] }", "\"meta\" is not one of link, canonical")]
    [TestCase("requirements:\n  - pixel: {}", "(pixel): pixel needs 'src' (the pixel image's URL pattern) or 'script'")]
    [TestCase("requirements:\n  - pixel: { src: '[' }", "(pixel).src: invalid regular expression '['")]
    public void A_bad_requirement_is_a_one_line_error_naming_the_entry(string requirements, string expected)
    {
        var error = Assert.Throws<ProfileException>(() => ProfileLoader.Parse("licensor: X\n" + requirements, "bad.yaml"));
        Assert.That(error!.Message, Does.StartWith("bad.yaml: requirements[").And.Contain(expected));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }
}
