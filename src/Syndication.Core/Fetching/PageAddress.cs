namespace Syndication.Fetching;

/// <summary>A page argument: an http(s) URL, a file path or a file:// URI. Keeps the argument as given for reports.</summary>
public sealed class PageAddress
{
    private PageAddress(string argument, Uri? url, string? filePath, string? problem = null)
    {
        Argument = argument;
        Url = url;
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>Why the argument is not a page we can fetch (unsupported scheme, empty), or null.</summary>
    public string? Problem { get; }

    /// <summary>An argument that cannot be fetched: it is still reported, at its place, with why.</summary>
    public static PageAddress Invalid(string argument, string problem) => new(argument, null, null, problem);

    /// <summary>The page as the user gave it (a file path stays a path).</summary>
    public string Argument { get; }

    /// <summary>The http(s) URL, when the page is on the web.</summary>
    public Uri? Url { get; }

    /// <summary>The local file, when the page is a file.</summary>
    public string? FilePath { get; }

    public bool IsFile => FilePath is not null;

    /// <summary>Resolves an argument, relative file paths against <paramref name="baseDirectory"/>.</summary>
    public static PageAddress Parse(string argument, string? baseDirectory = null)
    {
        var trimmed = argument.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("empty page argument");
        }

        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && trimmed.Contains(':', StringComparison.Ordinal) && !LooksLikeWindowsPath(trimmed))
        {
            if (uri.Scheme is "http" or "https")
            {
                return new PageAddress(argument, uri, null);
            }

            if (uri.IsFile)
            {
                return new PageAddress(argument, null, uri.LocalPath);
            }

            if (trimmed.Contains("://", StringComparison.Ordinal) || !File.Exists(trimmed))
            {
                throw new FormatException($"unsupported scheme '{uri.Scheme}:' in {argument} (use http, https, file or a path)");
            }
        }

        var path = baseDirectory is null ? Path.GetFullPath(trimmed) : Path.GetFullPath(trimmed, baseDirectory);
        return new PageAddress(argument, null, path);
    }

    public override string ToString() => Argument;

    private static bool LooksLikeWindowsPath(string text) =>
        text.Length > 2 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/');
}
