using Syndication.Matching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Testing;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Republish;

/// <summary>
/// Judges every variant on every template (the whole cross product the tests take a third of) and prints how the
/// verdicts meet the labels: the figures of the issue's targets, and each page that misses its label.
/// </summary>
public static class Judging
{
    public static int Run(IReadOnlyCollection<string> only, bool reporterMode, TextWriter output)
    {
        var originals = OriginalsLoader.Read(File.ReadAllBytes(RepoPaths.Feed), null, "samples/originals/feed.xml");
        var profile = ProfileLoader.BuiltIn;
        var withOriginals = new PageEvaluator(new CheckSettings(profile, new OriginalCatalogue(originals, profile), []));
        var templates = Republisher.Templates(only).ToList();
        var results = new List<(RepublishedPage Page, PageResult Result)>[templates.Count];
        Parallel.For(0, templates.Count, t =>
        {
            var original = Republisher.OriginalFor(t, originals);
            var evaluator = reporterMode
                ? new PageEvaluator(new CheckSettings(profile, new OriginalCatalogue([], profile), [.. original.Reporters.Select(r => new PersonName(r))]))
                : withOriginals;
            results[t] = [.. Republisher.Generate(templates[t], original)
                .Select(page => (page with { Document = null! }, evaluator.Evaluate(new PageDocument(page.Document, "utf-8", "generated"), PageTarget.Of(page.Name))))];
        });

        var all = results.SelectMany(r => r).ToList();
        var compliantCalledNot = all.Where(x => x.Page.Label.Verdict == Label.Compliant && x.Result.Verdict == PageVerdict.NonCompliant).ToList();
        var nonCompliantCalledCompliant = all.Where(x => x.Page.Label.Verdict == Label.NonCompliant && x.Result.Verdict == PageVerdict.Compliant).ToList();
        var review = all.Where(x => x.Result.Verdict == PageVerdict.NeedsReview).ToList();
        foreach (var (page, result) in nonCompliantCalledCompliant.Concat(compliantCalledNot).Concat(review))
        {
            output.WriteLine($"{page.Name} [{page.Label.Verdict}] judged {VerdictNames.Of(result.Verdict)}: "
                + string.Join("; ", result.Requirements.Select(r => $"{r.Id} {VerdictNames.Of(r.Status)}: {r.Message}")));
        }

        output.WriteLine($"{all.Count} republications on {all.Select(x => x.Page.Template).Distinct().Count()} templates{(reporterMode ? ", judged with --reporter only" : string.Empty)}:");
        output.WriteLine($"  non-compliant called compliant: {nonCompliantCalledCompliant.Count}; compliant called non-compliant: {compliantCalledNot.Count}; needs-review: {review.Count} ({100.0 * review.Count / Math.Max(1, all.Count):F1}%)");
        foreach (var variant in all.GroupBy(x => x.Page.Variant))
        {
            output.WriteLine($"  {variant.Key,-40} {variant.First().Page.Label.Verdict,-14} judged " + string.Join(", ", variant.GroupBy(x => VerdictNames.Of(x.Result.Verdict)).Select(g => $"{g.Key} {g.Count()}")));
        }

        return nonCompliantCalledCompliant.Count == 0 ? 0 : 1;
    }
}
