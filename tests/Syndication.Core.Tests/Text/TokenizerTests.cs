using Syndication.Text;

namespace Syndication.Core.Tests.Text;

public sealed class TokenizerTests
{
    [TestCase("Foundation’s request", "foundation s request")]
    [TestCase("Roberts-Grey", "roberts grey")]
    [TestCase("Aleš Vávra", "ales vavra")]
    [TestCase("Nolan22 Dec", "nolan 22 dec")]
    [TestCase("  Straße\u00A0ØRSTED ", "strasse orsted")]
    [TestCase("U.S. officials", "u s officials")]
    public void Words_are_folded_and_split_on_punctuation(string text, string expected) =>
        Assert.That(string.Join(' ', Tokenizer.Words(text)), Is.EqualTo(expected));

    [Test]
    public void Tokens_point_back_into_the_source_text()
    {
        const string text = "By  Micaela Burrow";
        var tokens = Tokenizer.Tokenize(text);
        Assert.That(tokens.Select(t => text[t.Start..t.End]), Is.EqualTo(new[] { "By", "Micaela", "Burrow" }));
    }

    [Test]
    public void Shingles_are_stable_and_shared_by_equal_text()
    {
        var a = Shingles.Of("Iran is fast-tracking the transfer of hundreds of drones");
        var b = Shingles.Of("IRAN is fast tracking the transfer of hundreds of drones!");
        Assert.That(a, Is.EqualTo(b));
        Assert.That(a, Has.Length.EqualTo(6));
        Assert.That(Shingles.Of("too short to shingle"), Is.Empty);
    }

    // Built in code: a lone surrogate in an attribute's string does not survive into the test's metadata.
    private static readonly char High = (char)0xD83D;
    private static readonly char Low = (char)0xDE00;

    [Test]
    public void Folding_text_with_an_unpaired_surrogate_does_not_throw()
    {
        Assert.That(TextFolding.Fold($"Jos\u00E9 {High}"), Is.EqualTo("jose \uFFFD"));
        Assert.That(TextFolding.Fold($"{Low}Jos\u00E9"), Is.EqualTo("\uFFFDjose"));
        Assert.That(TextFolding.Fold($"Jos\u00E9 {High}{Low} ok"), Is.EqualTo($"jose {High}{Low} ok"), "a pair is kept");
    }

    [Test]
    public void An_unpaired_surrogate_separates_words() =>
        Assert.That(Tokenizer.Words($"Ren\u00E9e {High} Smith{Low}Jones"), Is.EqualTo(new[] { "renee", "smith", "jones" }));

    [Test]
    public void Evidence_text_is_shortened_without_splitting_an_emoji()
    {
        var text = new string('a', 198) + "\U0001F600" + " and more after it";
        var shortened = Syndication.Checks.EvidenceFactory.Shorten(text);
        Assert.That(shortened, Has.Length.LessThanOrEqualTo(200).And.EndsWith("…"));
        Assert.That(shortened.Any(char.IsSurrogate), Is.False, "the emoji went whole, not half");
    }
}
