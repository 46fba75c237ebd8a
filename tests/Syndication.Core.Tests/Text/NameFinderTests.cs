using Syndication.Text;

namespace Syndication.Core.Tests.Text;

public sealed class NameFinderTests
{
    private static readonly PersonName Micaela = new("Micaela Burrow");

    [TestCase("By Micaela Burrow", ExpectedResult = "Micaela Burrow")]
    [TestCase("BY MICAELA BURROW, DCNF", ExpectedResult = "MICAELA BURROW")]
    [TestCase("By Micaela\u00A0Burrow", ExpectedResult = "Micaela\u00A0Burrow")]
    [TestCase("By Micaela J. Burrow", ExpectedResult = "Micaela J. Burrow")]
    [TestCase("by Míçaela Bürrow", ExpectedResult = "Míçaela Bürrow")]
    [TestCase("by MicaelaBurrow", ExpectedResult = "MicaelaBurrow")]
    [TestCase("by Micaela Burrow22 Dec 2016", ExpectedResult = "Micaela Burrow")]
    public string Finds_the_whole_name_whatever_its_case_spacing_and_accents(string text) =>
        Full(text, Micaela).Single();

    [TestCase("By Micaela")]
    [TestCase("By Burrow")]
    [TestCase("Micaela Jones and Ann Burrow")]
    public void A_first_or_last_name_alone_is_only_partial(string text)
    {
        var matches = NameFinder.Find(text, Micaela);
        Assert.That(matches, Is.Not.Empty);
        Assert.That(matches.Select(m => m.Kind), Is.All.EqualTo(NameMatchKind.Partial));
    }

    [Test]
    public void A_name_with_a_middle_initial_matches_text_without_it()
    {
        var nelson = new PersonName("Nelson D. Schwartz");
        Assert.That(Full("By Nelson Schwartz", nelson), Is.EqualTo(new[] { "Nelson Schwartz" }));
        Assert.That(Full("By Nelson D. Schwartz", nelson), Is.EqualTo(new[] { "Nelson D. Schwartz" }));
    }

    [Test]
    public void Another_name_is_not_the_reporter() =>
        Assert.That(NameFinder.Find("By Harold Vance", Micaela), Is.Empty);

    [Test]
    public void Names_in_scripts_without_spaces_match_character_by_character()
    {
        var name = new PersonName("肖春芳");
        Assert.That(Full("[责任编辑:肖春芳]", name), Is.EqualTo(new[] { "肖春芳" }));
        Assert.That(Full("作者肖春芳来源", name), Is.EqualTo(new[] { "肖春芳" }));
    }

    private static List<string> Full(string text, PersonName name) =>
        NameFinder.Find(text, name).Where(m => m.Kind == NameMatchKind.Full).Select(m => text[m.Start..m.End]).ToList();
}
