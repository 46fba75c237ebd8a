using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Syndication.Checks;
using Syndication.Parsing;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Requirements.Logo;

/// <summary>
/// Finds logo candidates: <c>img</c> (lazy attributes and srcsets too), <c>picture</c> sources, <c>amp-img</c>,
/// inline <c>svg</c>, <c>role="img"</c>, inline background images, and elements whose class names the logo.
/// </summary>
public static partial class LogoFinder
{
    private static readonly string[] SourceAttributes =
        ["src", "data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "srcset", "data-srcset", "data-lazy-srcset", "href", "xlink:href"];

    public static List<LogoCandidate> Find(PageDocument page, LicenceProfile profile)
    {
        var candidates = new List<LogoCandidate>();
        foreach (var element in page.Order.Elements)
        {
            PageCost.Check();
            if (IsImageLike(element))
            {
                var sources = Sources(element);
                var label = Label(element);
                var (identity, why) = Identify(profile, sources, label, element);
                if (identity is { } id)
                {
                    candidates.Add(new LogoCandidate(element, Placement(element), sources, label, id, why));
                }

                continue;
            }

            var names = (element.GetAttribute("class") ?? string.Empty) + " " + element.Id;
            if (names.Contains("logo", StringComparison.OrdinalIgnoreCase) && element.QuerySelector("img, svg, amp-img, picture") is null
                && profile.Logo.FileNameMatches(names) && !profile.Logo.FileNameIsOther(names))
            {
                candidates.Add(new LogoCandidate(element, element, [], names.Trim(), LogoIdentity.ClassOnly, $"its class/id \"{names.Trim()}\" names the logo"));
            }
        }

        return candidates;
    }

    private static bool IsImageLike(IElement element) => element.LocalName switch
    {
        "img" => element.ParentElement?.LocalName != "amp-img",
        "amp-img" or "svg" => true,
        "source" => element.ParentElement?.LocalName == "picture",
        "input" => string.Equals(element.GetAttribute("type"), "image", StringComparison.OrdinalIgnoreCase),
        _ => element.GetAttribute("role") == "img" || element.GetAttribute("style")?.Contains("background", StringComparison.OrdinalIgnoreCase) == true,
    };

    /// <summary>Where the image sits: a &lt;source&gt; sits where its &lt;picture&gt; does, a &lt;noscript&gt; fallback where the noscript does.</summary>
    internal static IElement Placement(IElement element)
    {
        if (element.LocalName == "source" && element.ParentElement is { } picture)
        {
            return picture;
        }

        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName == "noscript")
            {
                return e.ParentElement ?? e;
            }
        }

        return element;
    }

    private static List<string> Sources(IElement element)
    {
        var sources = new List<string>();
        foreach (var attribute in SourceAttributes)
        {
            var value = element.GetAttribute(attribute);
            if (string.IsNullOrWhiteSpace(value) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (attribute.Contains("srcset", StringComparison.Ordinal))
            {
                sources.AddRange(value.Split(',').Select(s => s.Trim().Split(' ')[0]).Where(s => s.Length > 0));
            }
            else
            {
                sources.Add(value.Trim());
            }
        }

        if (element.GetAttribute("style") is { } style)
        {
            sources.AddRange(BackgroundUrls(style));
        }

        if (element.LocalName == "svg")
        {
            foreach (var image in element.QuerySelectorAll("image"))
            {
                sources.AddRange(Sources(image));
            }
        }

        return sources;
    }

    /// <summary>The text that names the image: alt, title, aria-label, an svg's title and desc, a figure's caption.</summary>
    private static string Label(IElement element)
    {
        var parts = new List<string?>
        {
            element.GetAttribute("alt"),
            element.GetAttribute("title"),
            element.GetAttribute("aria-label"),
        };
        if (element.LocalName == "svg")
        {
            parts.Add(element.QuerySelector("title")?.TextContent);
            parts.Add(element.QuerySelector("desc")?.TextContent);
        }

        if (element.GetAttribute("aria-labelledby") is { } ids && element.Owner is { } owner)
        {
            parts.AddRange(ids.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => owner.GetElementById(id)?.TextContent));
        }

        if (element.Closest("figure")?.QuerySelector("figcaption") is { } caption && caption.TextContent.Length < 200)
        {
            parts.Add(caption.TextContent);
        }

        return TextFolding.CollapseWhiteSpace(string.Join(" | ", parts.Where(p => !string.IsNullOrWhiteSpace(p))));
    }

    private static (LogoIdentity? Identity, string Why) Identify(LicenceProfile profile, List<string> sources, string label, IElement element)
    {
        var mentions = OrganisationNames.Find(profile, label);
        var labelLicensor = mentions.Any(m => m.IsLicensor);
        var labelOther = mentions.FirstOrDefault(m => !m.IsLicensor);
        var known = sources.FirstOrDefault(profile.Logo.IsKnownUrl);
        var fileLicensor = sources.FirstOrDefault(s => profile.Logo.FileNameMatches(FileName(s)));
        var fileOther = sources.FirstOrDefault(s => profile.Logo.FileNameIsOther(FileName(s)));

        var reasons = new List<string>();
        if (known is not null)
        {
            reasons.Add($"its URL is the profile's known logo {known}");
        }

        if (fileLicensor is not null)
        {
            reasons.Add($"its file name \"{FileName(fileLicensor)}\" names the licensor");
        }

        if (labelLicensor)
        {
            reasons.Add($"its label \"{EvidenceFactory.Shorten(label, 80)}\" names the licensor");
        }

        var positive = reasons.Count > 0;
        var negative = labelOther.Name is not null && !labelLicensor ? $"its label names {labelOther.Name}"
            : fileOther is not null && fileLicensor is null ? $"its file name \"{FileName(fileOther)}\" is another organisation's" : null;
        if (positive && negative is not null && known is null)
        {
            return (LogoIdentity.Conflicting, $"{string.Join(", ", reasons)}, but {negative}");
        }

        if (positive)
        {
            return (LogoIdentity.Licensor, string.Join(", ", reasons));
        }

        if (negative is not null)
        {
            return (LogoIdentity.Other, negative);
        }

        if (label.Length == 0 && element.Closest("a")?.GetAttribute("href") is { } href && LinksToLicensor(profile, href))
        {
            return (LogoIdentity.LinksToLicensor, $"an unlabelled image links to {href}");
        }

        return (null, string.Empty);
    }

    internal static bool LinksToLicensor(LicenceProfile profile, string href) =>
        Uri.TryCreate(href, UriKind.Absolute, out var uri) && profile.Logo.FileNameMatches(uri.Host);

    /// <summary>The last path segment, unescaped, without query or fragment.</summary>
    public static string FileName(string url)
    {
        var path = url;
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            path = path[..cut];
        }

        var slash = path.TrimEnd('/').LastIndexOf('/');
        var name = slash >= 0 ? path[(slash + 1)..] : path;
        try
        {
            return Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    /// <summary>The url(...) values of an inline style.</summary>
    internal static IEnumerable<string> BackgroundUrls(string style) => BackgroundUrl().Matches(style).Select(m => m.Groups["url"].Value);

    [GeneratedRegex(@"url\(\s*['""]?(?<url>[^'"")]+)['""]?\s*\)", RegexOptions.IgnoreCase)]
    private static partial Regex BackgroundUrl();
}
