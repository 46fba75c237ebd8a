namespace Syndication.Discovery;

/// <summary>The wording shared by the sources' one-line reasons.</summary>
internal static class Sources
{
    public static string OffSite(IReadOnlyList<string> urls, Uri site) =>
        $"{urls.Count:N0} URL(s) on other hosts than {site.Host} (first: {Text.TextShortening.End(urls[0], 120)}): not the site's pages, left out";
}
