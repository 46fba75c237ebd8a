using Syndication.Text;

namespace Syndication.Core.Tests.Text;

public sealed class DidYouMeanTests
{
    private static readonly string[] Options = ["--format", "--output", "--output-dir", "--fail-on", "--history", "--no-history", "--profile", "--partner", "--page"];

    [TestCase("--fromat", ExpectedResult = "--format")]
    [TestCase("--formt", ExpectedResult = "--format")]
    [TestCase("--FORMAT", ExpectedResult = "--format")]
    [TestCase("--histroy", ExpectedResult = "--history")]
    [TestCase("--fail", ExpectedResult = "--fail-on")]
    [TestCase("--profil", ExpectedResult = "--profile")]
    [TestCase("--partnr", ExpectedResult = "--partner")]
    [TestCase("--pgae", ExpectedResult = "--page")]
    public string? Suggests_the_option_meant(string typed) => DidYouMean.Closest(typed, Options);

    [TestCase("--zzz")]
    [TestCase("--verbose")]
    [TestCase("--out")] // --output or --output-dir: no guess
    [TestCase("")]
    public void Suggests_nothing_when_nothing_is_close_or_two_are(string typed) =>
        Assert.That(DidYouMean.Closest(typed, Options), Is.Null);

    [TestCase("audti", ExpectedResult = "audit")]
    [TestCase("runz", ExpectedResult = "runs")]
    [TestCase("hstory", ExpectedResult = "history")]
    [TestCase("evidnce", ExpectedResult = "evidence")]
    public string? Suggests_the_command_meant(string typed) =>
        DidYouMean.Closest(typed, ["check", "audit", "merge", "runs", "history", "diff", "report", "evidence", "originals"]);

    [Test]
    public void A_hint_reads_as_the_end_of_a_message()
    {
        Assert.That(DidYouMean.Hint("Plains Reportr", ["Plains Reporter", "Coastal Ledger"]), Is.EqualTo("; did you mean Plains Reporter?"));
        Assert.That(DidYouMean.Hint("Nobody", ["Plains Reporter"]), Is.Empty);
    }

    [TestCase("abc", "abc", ExpectedResult = 0)]
    [TestCase("abc", "acb", ExpectedResult = 1)]
    [TestCase("abc", "", ExpectedResult = 3)]
    [TestCase("kitten", "sitting", ExpectedResult = 3)]
    public int Counts_edits_with_a_swap_as_one(string a, string b) => DidYouMean.Distance(a, b);
}
