using System.Globalization;

namespace Syndication.Discovery;

/// <summary>The wording shared by the sources' one-line reasons.</summary>
internal static class Sources
{
    public static string OffSite(int count, string first, Uri site) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} URL(s) not on {site.Authority} (first: {Text.TextShortening.End(first, 120)}): not the site's pages, left out");
}
