using System.Globalization;
using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// An image's declared size in CSS pixels, as its markup gives it: the <c>width</c>/<c>height</c> attributes
/// ("1", "1px", "1.5") or, failing those, the same property in its inline style. One reading for every check that
/// asks how big an image is (the logo's tracking-pixel rule, the original's pictures, the photos check).
/// </summary>
public static class ImageSize
{
    /// <summary>An image this small (in px) on a side is a tracking pixel or a spacer, not a picture.</summary>
    public const double PixelSize = 2;

    /// <summary>The <paramref name="name"/> attribute ("width" or "height") as a number of pixels; null when absent or not a number.</summary>
    public static double? Attribute(IElement element, string name) =>
        element.GetAttribute(name) is { } value
        && double.TryParse(value.Trim().Replace("px", string.Empty, StringComparison.OrdinalIgnoreCase), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : null;

    /// <summary>The declared width: the attribute, else the inline style's <c>width</c>.</summary>
    public static double? Width(IElement element) => Attribute(element, "width") ?? Style(element.GetAttribute("style"), "width");

    /// <summary>The declared height: the attribute, else the inline style's <c>height</c>.</summary>
    public static double? Height(IElement element) => Attribute(element, "height") ?? Style(element.GetAttribute("style"), "height");

    private static double? Style(string? style, string property)
    {
        if (style is null)
        {
            return null;
        }

        foreach (var declaration in style.Split(';'))
        {
            var parts = declaration.Split(':', 2);
            if (parts.Length == 2 && parts[0].Trim().Equals(property, StringComparison.OrdinalIgnoreCase))
            {
                var px = CssHiding.Px(parts[1]);
                return double.IsInfinity(px) ? null : px;
            }
        }

        return null;
    }
}
