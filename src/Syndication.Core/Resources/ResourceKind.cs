namespace Syndication.Resources;

/// <summary>What a check can ask the runner for. Images today; rendered pages and screenshots will follow.</summary>
public enum ResourceKind
{
    /// <summary>An image the page shows (an img, a picture source, a background image).</summary>
    Image,
}
