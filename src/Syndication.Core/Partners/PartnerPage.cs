namespace Syndication.Partners;

/// <summary>One page of a partner: a URL or a file path (relative to the list's folder, or absolute), and optionally which original it republishes (URL or title).</summary>
public sealed record PartnerPage(string Location, string? Original = null)
{
    /// <summary>The line of the partner list that lists it (0 when it was not read from a file).</summary>
    public long Line { get; init; }

    /// <summary>The licence profile this page is judged by, over its partner's (a built-in profile's name or a file's path); null: the partner's.</summary>
    public string? Profile { get; init; }

    /// <summary>
    /// A page as the partner list writes it: an http(s) or file URL as it is; a path as written, relative to the list's
    /// folder ("./pages/a.html" becomes "pages/a.html"), so the history keys it the same wherever the checkout lies; an
    /// absolute path as it is. Throws <see cref="FormatException"/> with the reason for any other URL, and for a web
    /// address without its scheme ("did you mean https://…?"), which would otherwise be a missing file.
    /// </summary>
    public static string ResolveLocation(string value, string folder)
    {
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            return ListedPath(value, folder);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw new FormatException($"\"{Printable(value)}\" is not an http(s) or file URL");
        }

        return value;
    }

    /// <summary>
    /// A file path of the list in the form it is keyed by: relative to the list's folder and normalised when written
    /// relative, as it is when absolute. Refuses a web address written without its scheme.
    /// </summary>
    public static string ListedPath(string value, string folder)
    {
        var keyed = KeyedPath(value, folder);
        if (!File.Exists(Path.GetFullPath(keyed, folder)) && Fetching.PageAddress.SchemeLess(value, folder) is { } url)
        {
            throw new FormatException($"\"{Printable(value)}\" has no scheme and is no file; did you mean {url}?");
        }

        return keyed;
    }

    /// <summary>A path or path pattern (a waiver's) in the form pages are keyed by: see <see cref="ListedPath"/>.</summary>
    public static string KeyedPath(string value, string folder) =>
        Path.IsPathRooted(value) ? FullPath(value, folder) : Path.GetRelativePath(folder, FullPath(value, folder));

    /// <summary>A path resolved against the list's folder; throws <see cref="FormatException"/> when no file system could hold it.</summary>
    public static string FullPath(string value, string folder)
    {
        if (value.Any(char.IsControl))
        {
            throw new FormatException($"\"{Printable(value)}\" is not a valid file path: it holds a control character");
        }

        try
        {
            return Path.GetFullPath(value, folder);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new FormatException($"\"{Printable(value)}\" is not a valid file path: {e.Message}");
        }
    }

    /// <summary>The text with control characters shown as \uXXXX, so an error about it stays one readable line.</summary>
    public static string Printable(string value) =>
        value.Any(char.IsControl) ? string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())) : value;
}
