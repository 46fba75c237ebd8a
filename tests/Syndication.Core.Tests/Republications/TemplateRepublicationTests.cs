using Syndication.Core.Tests.Support;
using Syndication.Parsing;
using Syndication.Pipeline;
using Syndication.Republish;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Republications;

/// <summary>
/// The sample originals put into every real page's template (tests/Syndication.Republish), compliant and not, each with
/// its label; the engine judges them with the originals at hand. To keep the run short, each template carries a third
/// of the variants in turn (two compliant forms, four mistakes: every variant meets a third of the templates); the
/// console judges the whole cross product (`dotnet run --project tests/Syndication.Republish -- --judge`). The targets:
/// no non-compliant page called compliant, at most one compliant page called non-compliant, at most 5% for review; a
/// requirement labelled to fail never passes. Every third template's pages are judged again with --reporter only (the
/// story found from the page): there too no non-compliant page may pass.
/// </summary>
[TestFixture]
public sealed class TemplateRepublicationTests
{
    private static readonly Lazy<List<Judged>> All = new(() => Judge(reporterMode: false));

    /// <summary>Every variant on every third template (in turn), judged with --reporter only.</summary>
    private static readonly Lazy<List<Judged>> ReporterMode = new(() => Judge(reporterMode: true));

    /// <summary>A generated page, its label and how the engine judged it; every 25th keeps its HTML to parse again.</summary>
    private sealed record Judged(string Template, string Variant, string OriginalTitle, Label Label, PageResult Result, string? Html, IReadOnlyList<string> TemplateProse)
    {
        public string Name => $"{Template} {Variant}";

        public Outcome? StatusOf(string requirement) => Result.Requirements.FirstOrDefault(r => r.Id == requirement)?.Status;

        public override string ToString() =>
            $"{Name} [{Label.Verdict}] judged {VerdictNames.Of(Result.Verdict)}: "
            + string.Join("; ", Result.Requirements.Select(r => $"{r.Id} {r.Status}: {r.Message}"))
            + (Result.Note is null ? string.Empty : $" (note: {Result.Note})");
    }

    /// <summary>
    /// Generates and judges the pages template by template on every core (the engine is thread-safe: the audit judges
    /// pages in parallel); a page's document is let go once judged.
    /// </summary>
    private static List<Judged> Judge(bool reporterMode)
    {
        var templates = Republisher.Templates().ToList();
        var withOriginals = Engines.Evaluator();
        var byReporters = Engines.Samples.ToDictionary(o => o.Title, o => Engines.Evaluator([], [.. o.Reporters]));
        var judged = new List<Judged>[templates.Count];
        Parallel.For(0, templates.Count, t =>
        {
            judged[t] = [];
            if (reporterMode && t % 3 != 0)
            {
                return;
            }

            var original = Republisher.OriginalFor(t, Engines.Samples);
            var templateStory = reporterMode ? new HashSet<string>() : Republisher.TemplateStory(templates[t]);
            var evaluator = reporterMode ? byReporters[original.Title] : withOriginals;
            foreach (var page in Republisher.Generate(templates[t], original, only: Republisher.InTurn(t)))
            {
                var result = evaluator.Evaluate(new PageDocument(page.Document, "utf-8", "generated"), PageTarget.Of(page.Name + ".html"));
                var html = !reporterMode && judged[t].Count % 25 == t % 25 ? page.Html : null;
                var leftover = Republisher.ParagraphsAmong(page.Document, templateStory).ToList();
                judged[t].Add(new Judged(page.Template, page.Variant, page.OriginalTitle, page.Label, result, html, leftover));
            }
        });
        return [.. judged.SelectMany(j => j)];
    }

    /// <summary>The pages are judged as the generator built them; written out and parsed again, as a fetched page is, a sample gets the same verdicts.</summary>
    [Test]
    public void A_page_written_out_and_parsed_again_gets_the_same_verdict()
    {
        var evaluator = Engines.Evaluator();
        var sample = All.Value.Where(j => j.Html is not null).ToList();
        Assert.That(sample, Has.Count.GreaterThanOrEqualTo(All.Value.Count / 25 - 1));
        var different = sample
            .Select(j => (j, Again: evaluator.Evaluate(PageParser.ParseText(j.Html!), PageTarget.Of(j.Name + ".html"))))
            .Where(x => x.Again.Verdict != x.j.Result.Verdict || !x.Again.Requirements.Select(r => r.Status).SequenceEqual(x.j.Result.Requirements.Select(r => r.Status)))
            .Select(x => $"{x.j} / parsed again: {VerdictNames.Of(x.Again.Verdict)}")
            .ToList();
        Assert.That(different, Is.Empty, string.Join("\n", different));
    }

    /// <summary>
    /// The original is the only story on a republication: none of the template's own story paragraphs is left, in the
    /// story's container or in another section of its article (a second story would be judged with the original's).
    /// </summary>
    [Test]
    public void A_republication_keeps_none_of_the_template_s_own_story()
    {
        var kept = All.Value.Where(j => j.TemplateProse.Count > 0).Select(j => $"{j.Name}: \"{j.TemplateProse[0]}\"").ToList();
        Assert.That(kept, Is.Empty, string.Join("\n", kept.Take(20)));
    }

    [Test]
    public void Every_template_yields_every_variant_it_can()
    {
        var templates = Republisher.Templates().Count();
        var byTemplate = All.Value.GroupBy(j => j.Template).ToList();
        Assert.That(byTemplate, Has.Count.GreaterThanOrEqualTo(templates - 5), "templates the generator could not use");
        Assert.That(byTemplate.Where(g => g.Count() < 5).Select(g => g.Key), Is.Empty);
        Assert.That(All.Value.Select(j => j.Variant).Distinct(), Is.EquivalentTo(Variants.All.Select(v => v.Id)), "every variant is met");
    }

    [Test]
    public void No_non_compliant_republication_is_called_compliant()
    {
        var wrong = All.Value.Where(j => j.Label.Verdict == Label.NonCompliant && j.Result.Verdict == PageVerdict.Compliant).ToList();
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    [Test]
    public void At_most_one_compliant_republication_is_called_non_compliant()
    {
        var wrong = All.Value.Where(j => j.Label.Verdict == Label.Compliant && j.Result.Verdict == PageVerdict.NonCompliant).ToList();
        Assert.That(wrong, Has.Count.LessThanOrEqualTo(1), string.Join("\n", wrong));
    }

    [Test]
    public void At_most_five_percent_need_review()
    {
        var review = All.Value.Where(j => j.Result.Verdict == PageVerdict.NeedsReview).ToList();
        Assert.That(review, Has.Count.LessThanOrEqualTo(All.Value.Count * 5 / 100), string.Join("\n", review));
    }

    [Test]
    public void A_requirement_labelled_to_fail_never_passes()
    {
        var wrong = All.Value.Where(j => j.Label.Fails.Any(id => j.StatusOf(id) == Outcome.Pass)).ToList();
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    [Test]
    public void A_requirement_labelled_to_pass_fails_on_at_most_one_page()
    {
        var wrong = All.Value.Where(j => j.Label.Passes.Any(id => j.StatusOf(id) == Outcome.Fail)).ToList();
        Assert.That(wrong, Has.Count.LessThanOrEqualTo(1), string.Join("\n", wrong));
    }

    [Test]
    public void With_reporter_only_no_non_compliant_republication_is_called_compliant()
    {
        var wrong = ReporterMode.Value.Where(j => j.Label.Verdict == Label.NonCompliant && j.Result.Verdict == PageVerdict.Compliant).ToList();
        Assert.That(ReporterMode.Value, Has.Count.GreaterThan(100));
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong));
    }

    [Test]
    public void With_reporter_only_at_most_one_compliant_republication_is_called_non_compliant()
    {
        var wrong = ReporterMode.Value.Where(j => j.Label.Verdict == Label.Compliant && j.Result.Verdict == PageVerdict.NonCompliant).ToList();
        Assert.That(wrong, Has.Count.LessThanOrEqualTo(1), string.Join("\n", wrong));
    }

    [Test]
    public void With_reporter_only_at_most_five_percent_need_review()
    {
        var review = ReporterMode.Value.Where(j => j.Result.Verdict == PageVerdict.NeedsReview).ToList();
        Assert.That(review, Has.Count.LessThanOrEqualTo(ReporterMode.Value.Count * 5 / 100), string.Join("\n", review));
    }

    /// <summary>
    /// A person reading a fail or a review sees at once what was found and where: a selector path to it, or the plain
    /// statement that nothing was found on the page.
    /// </summary>
    [Test]
    public void Every_fail_and_review_says_where()
    {
        var vague = All.Value.Concat(ReporterMode.Value)
            .SelectMany(j => j.Result.Requirements.Where(r => r.Status != Outcome.Pass).Select(r => (j.Name, r.Id, r.Message)))
            .Where(x => !SaysWhere(x.Message))
            .Select(x => $"{x.Name} {x.Id}: {x.Message}")
            .Distinct()
            .ToList();
        Assert.That(vague, Is.Empty, string.Join("\n", vague.Take(20)));
    }

    private static bool SaysWhere(string message) =>
        message.Contains(" > ", StringComparison.Ordinal) || message.Contains('#', StringComparison.Ordinal)
        || message.Contains("no image on the page", StringComparison.Ordinal) || message.Contains("not named anywhere", StringComparison.Ordinal)
        || message.Contains("not named on the page", StringComparison.Ordinal);

    [Test]
    public void Figures()
    {
        var all = All.Value;
        TestContext.Out.WriteLine($"{all.Count} republications on {all.Select(j => j.Template).Distinct().Count()} templates");
        foreach (var group in all.GroupBy(j => j.Label.Verdict))
        {
            TestContext.Out.WriteLine($"labelled {group.Key}: {group.Count()}; judged " + string.Join(", ", group.GroupBy(j => VerdictNames.Of(j.Result.Verdict)).Select(g => $"{g.Key} {g.Count()}")));
        }

        var reporter = ReporterMode.Value;
        TestContext.Out.WriteLine($"with --reporter only, {reporter.Count} of them:");
        foreach (var group in reporter.GroupBy(j => j.Label.Verdict))
        {
            TestContext.Out.WriteLine($"labelled {group.Key}: {group.Count()}; judged " + string.Join(", ", group.GroupBy(j => VerdictNames.Of(j.Result.Verdict)).Select(g => $"{g.Key} {g.Count()}")));
        }

        Assert.That(all, Is.Not.Empty);
    }
}
