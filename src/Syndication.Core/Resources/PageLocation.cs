using Syndication.Fetching;

namespace Syndication.Resources;

/// <summary>
/// Where a page was read from, so what it points to can be found: a web page's references resolve against its
/// final URL (or its &lt;base href&gt;); a saved page's against its folder, and only there.
/// </summary>
public sealed record PageLocation(Uri? Url, string? FilePath, string? BaseHref = null)
{
    /// <summary>The address of a reference the page makes, or a one-line reason why it is not fetched.</summary>
    public (PageAddress? Address, string? Problem) Resolve(string source)
    {
        var trimmed = source.Trim();
        if (trimmed.Length == 0)
        {
            return (null, "an empty address");
        }

        return Url is not null ? OnTheWeb(trimmed) : InFolder(trimmed);
    }

    private (PageAddress?, string?) OnTheWeb(string source)
    {
        var baseUrl = Url!;
        if (BaseHref is not null && Uri.TryCreate(Url, BaseHref.Trim(), out var declared) && declared.Scheme is "http" or "https")
        {
            baseUrl = declared;
        }

        if (!Uri.TryCreate(baseUrl, source, out var url))
        {
            return (null, $"\"{source}\" is not a valid URL");
        }

        return url.Scheme is "http" or "https"
            ? (PageAddress.Parse(url.AbsoluteUri), null)
            : (null, $"a {url.Scheme}: address is not fetched; only http and https");
    }

    /// <summary>
    /// A saved page is judged offline: only what sits in its folder (as a browser's "save page, complete" keeps it) is
    /// read; its web addresses are not fetched, and nothing outside its folder is read.
    /// </summary>
    private (PageAddress?, string?) InFolder(string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return (null, "the page is a local file, judged offline: its images on the web are not fetched");
        }

        if (source.StartsWith('/') || source.StartsWith('\\') || source.Contains(':', StringComparison.Ordinal))
        {
            return (null, "the page is a local file: only images in its folder are read");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(FilePath!))!;
        var relative = source.Split('?', '#')[0];
        try
        {
            relative = Uri.UnescapeDataString(relative);
        }
        catch (UriFormatException)
        {
            return (null, $"\"{source}\" is not a valid path");
        }

        var path = Path.GetFullPath(Path.Combine(folder, relative));
        return path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? (PageAddress.Parse(path), null)
            : (null, "the page is a local file: only images in its folder are read");
    }
}
