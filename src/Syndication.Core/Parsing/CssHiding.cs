using System.Globalization;
using AngleSharp.Css.Dom;

namespace Syndication.Parsing;

/// <summary>Which CSS declarations hide an element from a reader.</summary>
public static class CssHiding
{
    /// <summary>The properties whose value decides visibility on their own.</summary>
    public static readonly string[] Properties = ["display", "visibility", "opacity"];

    /// <summary>Returns why a declaration block hides its element, or null.</summary>
    public static string? Reason(ICssStyleDeclaration style)
    {
        foreach (var property in Properties)
        {
            if (HidingValue(property, style.GetPropertyValue(property)) is { } reason)
            {
                return reason;
            }
        }

        return OffscreenReason(style);
    }

    /// <summary>Returns "property:value" when that value hides, else null.</summary>
    public static string? HidingValue(string property, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim().ToLowerInvariant();
        var hides = property switch
        {
            "display" => v == "none",
            "visibility" => v is "hidden" or "collapse",
            "opacity" => IsZero(v),
            _ => false,
        };
        return hides ? $"{property}:{v}" : null;
    }

    /// <summary>The screen-reader-only and off-screen patterns: present for assistive tech, invisible on screen.</summary>
    private static string? OffscreenReason(ICssStyleDeclaration style)
    {
        var position = style.GetPropertyValue("position")?.Trim().ToLowerInvariant();
        var positioned = position is "absolute" or "fixed";
        if (positioned && (Px(style.GetPropertyValue("left")) <= -500 || Px(style.GetPropertyValue("top")) <= -500))
        {
            return "positioned off-screen";
        }

        if (Px(style.GetPropertyValue("text-indent")) <= -500)
        {
            return "text-indent off-screen";
        }

        var clip = style.GetPropertyValue("clip")?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (positioned && clip is not null && clip.StartsWith("rect(0", StringComparison.OrdinalIgnoreCase)
            && Px(style.GetPropertyValue("width")) <= 1)
        {
            return "clipped to nothing";
        }

        if (Px(style.GetPropertyValue("font-size")) == 0)
        {
            return "font-size:0";
        }

        var overflowHidden = style.GetPropertyValue("overflow")?.Contains("hidden", StringComparison.OrdinalIgnoreCase) == true;
        if (overflowHidden && (Px(style.GetPropertyValue("height")) == 0 || Px(style.GetPropertyValue("max-height")) == 0
            || (Px(style.GetPropertyValue("width")) <= 1 && Px(style.GetPropertyValue("height")) <= 1)))
        {
            return "zero-size box with overflow hidden";
        }

        return null;
    }

    private static bool IsZero(string value)
    {
        var v = value.TrimEnd('%');
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number <= 0.01;
    }

    /// <summary>A length in px (or em, taken as 16px), or +infinity when absent or not a plain length.</summary>
    public static double Px(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return double.PositiveInfinity;
        }

        var v = value.Trim().ToLowerInvariant();
        var factor = 1.0;
        if (v.EndsWith("px", StringComparison.Ordinal))
        {
            v = v[..^2];
        }
        else if (v.EndsWith("rem", StringComparison.Ordinal))
        {
            v = v[..^3];
            factor = 16;
        }
        else if (v.EndsWith("em", StringComparison.Ordinal))
        {
            v = v[..^2];
            factor = 16;
        }
        else if (v != "0")
        {
            return double.PositiveInfinity;
        }

        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number * factor : double.PositiveInfinity;
    }
}
