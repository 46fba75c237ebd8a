namespace Syndication.Partners;

/// <summary>One page of a partner: a URL or a file path (already resolved), and optionally which original it republishes (URL or title).</summary>
public sealed record PartnerPage(string Location, string? Original = null)
{
    /// <summary>
    /// A page as the partner list writes it: an http(s) or file URL as it is, a path resolved against the list's
    /// folder. Throws <see cref="FormatException"/> with the reason for any other URL.
    /// </summary>
    public static string ResolveLocation(string value, string folder)
    {
        if (!value.Contains("://", StringComparison.Ordinal))
        {
            return Path.GetFullPath(value, folder);
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
        {
            throw new FormatException($"\"{value}\" is not an http(s) or file URL");
        }

        return value;
    }
}
