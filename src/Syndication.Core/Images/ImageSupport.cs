using SkiaSharp;

namespace Syndication.Images;

/// <summary>
/// Whether images can be decoded here: SkiaSharp's native library must load. When it cannot, logos are judged by
/// their markup alone and the run says so once.
/// </summary>
public static class ImageSupport
{
    private static readonly Lazy<string?> Probe = new(() =>
    {
        try
        {
            using var bitmap = new SKBitmap(1, 1);
            return bitmap.Width == 1 ? null : "SkiaSharp created no bitmap";
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            var inner = e is TypeInitializationException { InnerException: { } cause } ? cause : e;
            return $"the image library's native part (libSkiaSharp) cannot be loaded: {inner.Message.ReplaceLineEndings(" ")}";
        }
    });

    /// <summary>Why images cannot be decoded on this machine, or null when they can.</summary>
    public static string? Problem => Probe.Value;

    public static bool Available => Problem is null;
}
