namespace Syndication.Partners;

/// <summary>
/// An agreed exception from the partner list: which partner, which pages (a glob on the page as listed: "*"
/// matches any run of characters), which requirement (all when omitted), why, who agreed, and until when.
/// </summary>
public sealed record Waiver(string? Partner, string? Page, string? Requirement, string Reason, string AgreedBy, DateOnly Expires, int Line)
{
    private PageGlob? _page;

    public bool Covers(string? partner, string page, string requirement) =>
        (Partner is null || string.Equals(Partner, partner, StringComparison.OrdinalIgnoreCase))
        && (Requirement is null || string.Equals(Requirement, requirement, StringComparison.OrdinalIgnoreCase))
        && (Page is null || PagePattern().IsMatch(page));

    private PageGlob PagePattern() => _page ??= new PageGlob(Page!);
}
