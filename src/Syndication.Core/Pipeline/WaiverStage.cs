using Syndication.Partners;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>
/// Marks failures that an agreed waiver covers. A waived finding is reported as waived, never hidden; a waiver past
/// its expiry date no longer applies, and the report says so.
/// </summary>
public sealed class WaiverStage(IReadOnlyList<Waiver> waivers, TimeProvider time) : IResultStage
{
    public PageResult Process(int position, PageResult result)
    {
        if (waivers.Count == 0 || result.Requirements.All(r => r.Status != Outcome.Fail))
        {
            return result;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var requirements = result.Requirements.Select(requirement =>
        {
            if (requirement.Status != Outcome.Fail)
            {
                return requirement;
            }

            // A waiver in force wins over an expired one for the same finding.
            var waiver = waivers.Where(w => w.Covers(result.Partner, result.Url, requirement.Id)).OrderByDescending(w => w.Expires).FirstOrDefault();
            return waiver is null
                ? requirement
                : requirement with { Waiver = new WaiverNote(waiver.Reason, waiver.AgreedBy, waiver.Expires, waiver.Expires < today) };
        }).ToList();
        return result with { Requirements = requirements };
    }
}
