using System.Text.RegularExpressions;

namespace Syndication.Fetching;

/// <summary>A page argument: an http(s) URL, a file path or a file:// URI. Keeps the argument as given for reports.</summary>
public sealed partial class PageAddress
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
        if (!File.Exists(path) && SchemeLess(trimmed, baseDirectory) is { } url)
        {
            throw new FormatException($"\"{trimmed}\" is no file and has no scheme; did you mean {url}?");
        }

        return new PageAddress(argument, null, path);
    }

    /// <summary>
    /// The web address a path-like text most likely is ("www.partner.example/story" → "https://www.partner.example/story"),
    /// or null. A text is taken for an address without its scheme when nothing exists at it as a path and it starts
    /// with a host name: "www.", or dotted labels whose last is no file extension ("index.html" is a file), or an IPv4
    /// address, or "//host/" (protocol-relative).
    /// </summary>
    public static string? SchemeLess(string text, string? baseDirectory = null)
    {
        var value = text.Trim();
        if (value.Length == 0 || value.Contains("://", StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        if (value.StartsWith("//", StringComparison.Ordinal) && value.Length > 2 && value[2] != '/')
        {
            return LooksLikeHost(value[2..].Split('/', '?', '#')[0]) ? "https:" + value : null;
        }

        var first = value.Split('/', '?', '#')[0];
        if (!LooksLikeHost(first))
        {
            return null;
        }

        try
        {
            var path = baseDirectory is null ? Path.GetFullPath(value) : Path.GetFullPath(value, baseDirectory);
            if (File.Exists(path) || Directory.Exists(path))
            {
                return null;
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // No file system could hold it: it is not a path either.
        }

        return "https://" + value;
    }

    private static bool LooksLikeHost(string text)
    {
        if (Ipv4().IsMatch(text))
        {
            return true;
        }

        var match = HostName().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var last = match.Groups["tld"].Value.ToLowerInvariant();
        return text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || !FileExtensions.Contains(last);
    }

    /// <summary>Last labels that are file extensions far more often than top-level domains.</summary>
    private static readonly HashSet<string> FileExtensions = new(StringComparer.Ordinal)
    {
        "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cgi", "xml", "json", "txt", "md", "yaml", "yml", "csv",
        "rss", "atom", "png", "jpg", "jpeg", "gif", "svg", "webp", "pdf", "zip", "gz", "db", "bak", "old", "tmp", "js", "css",
    };

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?<tld>[a-z][a-z0-9-]*[a-z0-9])\.?(?::\d{1,5})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4();

    public override string ToString() => Argument;

    private static bool LooksLikeWindowsPath(string text) =>
        text.Length > 2 && char.IsLetter(text[0]) && text[1] == ':' && (text[2] == '\\' || text[2] == '/');
}
