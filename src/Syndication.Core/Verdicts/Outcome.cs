namespace Syndication.Verdicts;

/// <summary>A requirement's outcome. Ordered so that the worst one wins (axe-core's order).</summary>
public enum Outcome
{
    Pass = 0,
    Review = 1,
    Fail = 2,
}
