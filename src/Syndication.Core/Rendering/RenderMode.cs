namespace Syndication.Rendering;

/// <summary>When a page is loaded in the browser and judged as a reader sees it (<c>--render</c>, or a partner's <c>render:</c>).</summary>
public enum RenderMode
{
    /// <summary>Judge the fetched HTML only.</summary>
    Never,

    /// <summary>Render when the static page looks built by scripts, or a decision rests on styles the parser cannot read.</summary>
    Auto,

    /// <summary>Render every page.</summary>
    Always,
}

public static class RenderModes
{
    public static readonly string[] Names = ["never", "auto", "always"];

    /// <summary>Reads never, auto or always; throws <see cref="FormatException"/> naming the valid ones.</summary>
    public static RenderMode Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "never" => RenderMode.Never,
        "auto" => RenderMode.Auto,
        "always" => RenderMode.Always,
        _ => throw new FormatException($"\"{value}\" is not a render mode; use one of: {string.Join(", ", Names)}"),
    };

    public static string Name(this RenderMode mode) => Names[(int)mode];
}
