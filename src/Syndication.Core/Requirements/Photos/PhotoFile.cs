using System.Text.RegularExpressions;

namespace Syndication.Requirements.Photos;

/// <summary>
/// A picture's file name as a content system keeps it across copies: lower case, without the extension, the size a
/// CMS adds ("-1024x683", "-scaled", "@2x") and a CDN's resizing query. Two copies of one photo keep it when a
/// partner re-uploads the file; a camera's own name ("IMG_0412") is not distinctive enough to tell.
/// </summary>
internal static partial class PhotoFile
{
    /// <summary>The file's stem, or null when the address has no file name.</summary>
    public static string? Stem(Uri url)
    {
        var name = Uri.UnescapeDataString(url.Segments[^1]).Trim('/').ToLowerInvariant();
        var dot = name.LastIndexOf('.');
        if (dot > 0)
        {
            name = name[..dot];
        }

        name = Sizing().Replace(name, string.Empty);
        return name.Length == 0 ? null : name;
    }

    /// <summary>Whether a stem names one photo rather than the camera's counter or a generic word.</summary>
    public static bool IsDistinctive(string stem) => stem.Length >= 6 && !Generic().IsMatch(stem);

    [GeneratedRegex(@"(-\d{2,5}x\d{2,5}|-scaled|-e\d{10,}|@\dx|-rotated)+$")]
    private static partial Regex Sizing();

    [GeneratedRegex(@"^(img|dsc|dscn|dscf|pxl|p|photo|image|picture|pic|untitled|screenshot|screen-shot|unnamed|file|download|thumb|thumbnail|featured|hero|header|default|placeholder)?[-_ ]?[\d_-]*$")]
    private static partial Regex Generic();
}
