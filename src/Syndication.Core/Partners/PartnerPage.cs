namespace Syndication.Partners;

/// <summary>One page of a partner: a URL or a file path (already resolved), and optionally which original it republishes (URL or title).</summary>
public sealed record PartnerPage(string Location, string? Original = null)
{
    /// <summary>The line of the partner list that lists it (0 when it was not read from a file).</summary>
    public long Line { get; init; }

    /// <summary>
    /// A page as the partner list writes it: an http(s) or file URL as it is, a path resolved against the list's
    /// folder. Throws <see cref="FormatException"/> with the reason for any other URL.
    /// </summary>
    public static string ResolveLocation(string value, string folder)
    {
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            return FullPath(value, folder);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw new FormatException($"\"{value}\" is not an http(s) or file URL");
        }

        return value;
    }

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
