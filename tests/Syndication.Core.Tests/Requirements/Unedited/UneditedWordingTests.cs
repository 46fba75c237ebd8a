using Syndication.Requirements.Unedited;

namespace Syndication.Core.Tests.Requirements.Unedited;

/// <summary>How the unedited check cuts sentences and weighs a changed run of words.</summary>
public sealed class UneditedWordingTests
{
    [Test]
    public void Sentences_end_at_a_full_stop_before_a_capital_but_not_after_an_abbreviation_an_initial_or_inside_a_number()
    {
        var sentences = Sentences.Of("Sen. Ana Ruiz of Fresno, Calif., said 2.5 acre-feet was J. Doe's idea. “It works,” she said. Then U.S. officials left! Why?");
        Assert.That(sentences, Is.EqualTo(new[]
        {
            "Sen. Ana Ruiz of Fresno, Calif., said 2.5 acre-feet was J. Doe's idea.",
            "“It works,” she said.",
            "Then U.S. officials left!",
            "Why?",
        }));
    }

    [TestCase("on tuesday", "last tuesday", true)]
    [TestCase("yesterday", "on march 5", true)]
    [TestCase("this week", "the week of march 4", true)]
    [TestCase("300", "200", false)]
    [TestCase("the board", "the council", false)]
    public void A_time_reference_is_only_words_of_time_on_both_sides(string before, string after, bool expected) =>
        Assert.That(Wording.IsTimeReference(Words(before), Words(after)), Is.EqualTo(expected));

    [TestCase("", "calif", true)]
    [TestCase("here", "in visalia", true)]
    [TestCase("locally", "in tulare county", true)]
    [TestCase("visalia", "fresno", false)]
    [TestCase("here", "at 300 main street", false)]
    public void A_place_reference_is_a_state_added_or_here_for_a_places_name(string before, string after, bool expected) =>
        Assert.That(Wording.IsPlaceReference(Words(before), Words(after)), Is.EqualTo(expected));

    [TestCase("favour", "favor", true)]
    [TestCase("organised", "organized", true)]
    [TestCase("travelled", "traveled", true)]
    [TestCase("5 percent", "5%", true)]
    [TestCase("5 per cent", "5%", true)]
    [TestCase("$450 per acre", "450 % acre", false)]
    [TestCase("$450", "450", false)]
    [TestCase("five", "5", true)]
    [TestCase("mr reyes", "reyes", true)]
    [TestCase("five", "6", false)]
    [TestCase("us", "the board", false)]
    public void Style_is_the_same_words_written_another_way(string before, string after, bool expected) =>
        Assert.That(Wording.SameInAnotherStyle(Words(before), Words(after)), Is.EqualTo(expected));

    private static List<string> Words(string text) => new Unit(text, new bool[text.Length]).Words;
}
