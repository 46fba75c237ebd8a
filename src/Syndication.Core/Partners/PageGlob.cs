using System.Text.RegularExpressions;

namespace Syndication.Partners;

/// <summary>
/// A glob on a page as the partner list writes it (a URL, or a path relative to the list): "*" matches any run of
/// characters, "/" included, "?" one character; case is ignored. Waivers' page patterns and audit --page use it.
/// </summary>
public sealed class PageGlob(string pattern)
{
    private readonly Regex _regex = new(
        "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    public string Pattern => pattern;

    public bool IsMatch(string page) => _regex.IsMatch(page);

    public override string ToString() => pattern;
}
