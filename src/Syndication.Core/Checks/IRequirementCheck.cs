using Syndication.Verdicts;

namespace Syndication.Checks;

/// <summary>One requirement of a licence. A check only records a finding; it never prints.</summary>
public interface IRequirementCheck
{
    string Id { get; }

    RequirementOutcome Evaluate(CheckContext context);
}
