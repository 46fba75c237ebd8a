namespace Syndication.Republish;

/// <summary>
/// The ways a partner republishes an original in its own template, each with its label: the compliant forms the
/// licence allows and the mistakes partners make. A variant that needs a part the template lacks (a footer) is skipped
/// for that template.
/// </summary>
public static class Variants
{
    private const string Licensor = "Daily Caller News Foundation";

    /// <summary>The partner's own staff writer, credited instead of the original's reporter.</summary>
    public const string PartnerWriter = "Harold Vance";

    public static readonly IReadOnlyList<Variant> All =
    [
        new("byline-with-affiliation", Label.Complies("the byline slot reads 'REPORTER, DCNF'; the logo opens the story"), r =>
        {
            r.CreditReporters(", " + Licensor);
            r.LogoAtStoryStart();
        }),
        new("first-line-credit", Label.Complies("the byline names the reporter; the story's first line is 'Daily Caller News Foundation'; the logo closes the story"), r =>
        {
            r.CreditReporters(string.Empty);
            r.FirstLine(Licensor);
            r.LogoAtStoryEnd();
        }),
        new("dateline-credit", Label.Complies("the byline names the reporter; the first paragraph opens 'WASHINGTON (Daily Caller News Foundation) —'; the logo sits under the headline"), r =>
        {
            r.CreditReporters(string.Empty);
            r.Dateline($"WASHINGTON ({Licensor}) — ");
            r.LogoUnderHeadline();
        }),
        new("closing-credit", Label.Complies("no byline in the template's slot; the story ends with '— REPORTER, DCNF'; the logo opens the story"), r =>
        {
            r.RemoveByline();
            r.ClosingLine(reporters => $"— {reporters}, {Licensor}");
            r.LogoAtStoryStart();
        }),
        new("author-box", Label.Complies("no byline in the template's slot; an 'About the author' box after the story: 'REPORTER is a reporter for the Daily Caller News Foundation.'; the logo opens the story"), r =>
        {
            r.RemoveByline();
            r.AuthorBoxAfterStory(reporters => $"{reporters} {(r.Original.Reporters.Count > 1 ? "are reporters" : "is a reporter")} for the {Licensor}.");
            r.LogoAtStoryStart();
        }),
        new("screen-reader-by", Label.Complies("the byline's 'By' is for screen readers only, the name and 'DCNF' are visible; the logo opens the story"), r =>
        {
            r.CreditReporters(", " + Licensor, screenReaderBy: true);
            r.LogoAtStoryStart();
        }),
        new("logo-in-sidebar", Label.Breaks("the logo only in the site's sidebar (or its footer when it has no sidebar)", ["logo"], "byline", "affiliation"), r =>
        {
            r.CreditReporters(", " + Licensor);
            r.LogoInSidebar();
        }),
        new("no-logo", Label.Breaks("no logo at all", ["logo"], "byline", "affiliation"), r => r.CreditReporters(", " + Licensor)),
        new("affiliation-the-daily-caller", Label.Breaks("the byline reads 'REPORTER, The Daily Caller'", ["affiliation"], "logo", "byline"), r =>
        {
            r.CreditReporters(", The Daily Caller");
            r.LogoAtStoryStart();
        }),
        new("logo-caption-and-the-daily-caller", Label.Breaks("the logo's caption says 'Daily Caller News Foundation'; the byline reads 'REPORTER, The Daily Caller'", ["affiliation"], "logo", "byline"), r =>
        {
            r.CreditReporters(", The Daily Caller");
            r.CaptionedLogoAtStoryStart(Licensor);
        }),
        new("affiliation-only-in-logo-caption", Label.Breaks("the byline names the reporter alone; DCNF is named only in the logo's caption (no licensing note)", ["affiliation"], "logo", "byline"), r =>
        {
            r.DropBoilerplate();
            r.CreditReporters(string.Empty);
            r.CaptionedLogoAtStoryStart(Licensor);
        }),
        new("affiliation-only-in-footer", Label.Breaks("the byline names the reporter alone; DCNF is named only in the site's footer (no licensing note)", ["affiliation"], "logo", "byline"), r =>
        {
            r.DropBoilerplate();
            r.CreditReporters(string.Empty);
            r.LogoAtStoryStart();
            r.InFooter($"Some stories on this site come from the {Licensor}.");
        }, NeedsFooter: true),
        new("affiliation-only-in-story-text", Label.Breaks("the byline names the reporter alone; DCNF is named only inside a sentence of the story (no licensing note)", ["affiliation"], "logo", "byline"), r =>
        {
            r.DropBoilerplate();
            r.CreditReporters(string.Empty);
            r.LogoAtStoryStart();
            r.SentenceInStory($"A spokesperson did not answer questions the {Licensor} sent on Monday.");
        }),
        new("reporter-only-in-comments", Label.Breaks("the byline names the partner's writer; the reporter is named only by a commenter under the article", ["byline"], "logo"), r =>
        {
            r.CreditOther(PartnerWriter);
            r.LogoAtStoryStart();
            r.CommentsAfterArticle(reporters => $"{reporters}", "Great reporting, thank you for covering this.");
        }),
        new("partner-writer", Label.Breaks("the byline names the partner's own writer; DCNF only in its licensing boilerplate", ["byline"], "logo"), r =>
        {
            r.CreditOther(PartnerWriter);
            r.LogoAtStoryStart();
            r.ClosingLine(_ => $"All content created by the {Licensor}, an independent and nonpartisan newswire service, is available without charge to any legitimate news publisher that can provide a large audience.");
        }),
        new("reporter-only-in-related-list", Label.Breaks("no byline; the reporter is credited only in a list of related stories after the article", ["byline"], "logo"), r =>
        {
            r.RemoveByline();
            r.LogoAtStoryStart();
            r.RelatedList(reporters => $"By {reporters}, {Licensor}");
        }),
        new("reporter-only-in-embedded-related-box", Label.Breaks("the byline names the partner's writer; the reporter is credited only in a related-story box inside the article", ["byline"], "logo"), r =>
        {
            r.CreditOther(PartnerWriter);
            r.LogoAtStoryStart();
            r.RelatedBoxInStory(reporters => $"By {reporters} for the {Licensor}");
        }),
        new("reporter-only-in-photo-credit", Label.Breaks("the byline names the partner's writer; the reporter is named only in the credit line under the lead photo", ["byline"], "logo"), r =>
        {
            r.CreditOther(PartnerWriter);
            r.LogoAtStoryEnd();
            r.PhotoWithCreditAtStoryStart(reporters => $"{reporters}/{Licensor}");
        }),
    ];
}

/// <summary>One way of republishing: its name, its label and what it does to a copy of the template.</summary>
public sealed record Variant(string Id, Label Label, Action<Republication> Apply, bool NeedsFooter = false);
