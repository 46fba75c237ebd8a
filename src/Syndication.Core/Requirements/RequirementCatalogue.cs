namespace Syndication.Requirements;

/// <summary>
/// Every requirement kind the tool knows, one entry each. Profiles, the page evaluator, the partner list's waivers,
/// the reports and the tests read this list; adding a kind is its folder and one line here.
/// </summary>
public static class RequirementCatalogue
{
    public static IReadOnlyList<IRequirementKind> Kinds { get; } =
    [
        new Logo.LogoKind(),
        new Byline.BylineKind(),
        new Affiliation.AffiliationKind(),
        new CreditLine.CreditLineKind(),
        new LinkToOriginal.LinkToOriginalKind(),
        new Pixel.PixelKind(),
        new Unedited.UneditedKind(),
        new LinksKept.LinksKeptKind(),
        new Photos.PhotosKind(),
        new TimeWindow.TimeWindowKind(),
    ];

    public static IReadOnlyList<string> Ids { get; } = [.. Kinds.Select(k => k.Id)];

    /// <summary>The kind with this id, or null.</summary>
    public static IRequirementKind? Find(string id) => Kinds.FirstOrDefault(k => string.Equals(k.Id, id, StringComparison.Ordinal));

    /// <summary>
    /// Whether a requirement id can appear in reports: a kind's id, or a kind's id with a name after a dot
    /// ("credit-line.first-line") for a profile that lists one kind twice.
    /// </summary>
    public static bool IsRequirementId(string id) => Find(KindOf(id)) is not null;

    /// <summary>The kind part of a requirement id: "credit-line" of "credit-line.first-line".</summary>
    public static string KindOf(string id) => id.Split('.', 2)[0];

    /// <summary>"valid: logo, byline, ..." for error messages.</summary>
    public static string Valid => "valid: " + string.Join(", ", Ids);
}
