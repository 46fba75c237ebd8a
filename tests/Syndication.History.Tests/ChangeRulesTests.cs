using Syndication.Verdicts;
using static Syndication.History.ChangeRules;

namespace Syndication.History.Tests;

public sealed class ChangeRulesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    [Test]
    public void A_violation_never_seen_before_is_new()
    {
        var result = Decide(null, bad: true, "non-compliant", checkable: true, Monday, confirmAfter: 1);
        Assert.That(result, Is.EqualTo(new Result(Changes.New, Monday, 1, true)));
    }

    [Test]
    public void A_violation_seen_last_time_is_persisting_since_its_first_run()
    {
        var result = Decide(new State("non-compliant", Monday, 1), true, "non-compliant", true, Tuesday, 1);
        Assert.That(result, Is.EqualTo(new Result(Changes.Persisting, Monday, 2, true)));
    }

    [Test]
    public void A_confirmed_violation_that_is_gone_is_fixed_and_the_good_state_starts_now()
    {
        var result = Decide(new State("non-compliant", Monday, 3), false, "compliant", true, Tuesday, 1);
        Assert.That(result, Is.EqualTo(new Result(Changes.Fixed, Tuesday, 0, true)));
    }

    [Test]
    public void A_page_that_could_not_be_checked_is_neither_fixed_nor_new_and_keeps_its_since()
    {
        var failing = Decide(new State("non-compliant", Monday, 2), bad: false, "error", checkable: false, Tuesday, 1);
        Assert.That(failing.Change, Is.EqualTo(Changes.Same));
        Assert.That(failing.Since, Is.EqualTo(Monday));
        Assert.That(failing.Streak, Is.EqualTo(2), "the streak neither grows nor breaks");

        var unknown = Decide(null, false, "error", false, Tuesday, 1);
        Assert.That(unknown.Change, Is.EqualTo(Changes.Same));
        Assert.That(unknown.Since, Is.Null);
    }

    [Test]
    public void With_confirm_after_two_a_violation_becomes_new_on_its_second_run_in_a_row()
    {
        var first = Decide(null, true, "non-compliant", true, Monday, confirmAfter: 2);
        Assert.That(first, Is.EqualTo(new Result(Changes.Same, Monday, 1, false)));

        var second = Decide(new State("non-compliant", first.Since!.Value, first.Streak), true, "non-compliant", true, Tuesday, 2);
        Assert.That(second, Is.EqualTo(new Result(Changes.New, Monday, 2, true)));

        var third = Decide(new State("non-compliant", Monday, 2), true, "non-compliant", true, Tuesday.AddDays(1), 2);
        Assert.That(third.Change, Is.EqualTo(Changes.Persisting));
    }

    [Test]
    public void An_unconfirmed_violation_that_goes_away_was_never_reported_so_it_is_not_fixed_either()
    {
        var result = Decide(new State("non-compliant", Monday, 1), false, "compliant", true, Tuesday, confirmAfter: 2);
        Assert.That(result.Change, Is.EqualTo(Changes.Same));
    }

    [Test]
    public void A_good_page_keeps_its_since_while_its_verdict_stays_the_same()
    {
        var still = Decide(new State("compliant", Monday, 0), false, "compliant", true, Tuesday, 1);
        Assert.That(still, Is.EqualTo(new Result(Changes.Same, Monday, 0, true)));

        var other = Decide(new State("needs-review", Monday, 0), false, "compliant", true, Tuesday, 1);
        Assert.That(other.Since, Is.EqualTo(Tuesday), "a different good verdict starts a new state");
    }
}
