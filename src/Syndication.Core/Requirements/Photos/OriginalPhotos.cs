using Syndication.Checks;
using Syndication.Images;
using Syndication.Resources;
using Syndication.Text;

namespace Syndication.Requirements.Photos;

/// <summary>What a page's pictures are compared with: the original's photos by address, file name and caption, and by pixels when fetched.</summary>
internal sealed class OriginalPhotos
{
    private readonly HashSet<string> _keys;
    private readonly HashSet<string> _stems;
    private readonly HashSet<string> _captions;

    public OriginalPhotos(CheckContext context, IReadOnlyList<string> images)
    {
        Addresses = images.Select(i => WebAddress.Resolve(i, null)).OfType<Uri>().ToList();
        _keys = Addresses.Select(WebAddress.Key).ToHashSet(StringComparer.Ordinal);
        _stems = Addresses.Select(PhotoFile.Stem).OfType<string>().ToHashSet(StringComparer.Ordinal);
        _captions = context.Original!.Captions.Select(Fold).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var original = context.Original.Url is { } u ? WebAddress.Resolve(u, null) : null;
        LicensorHosts = Addresses.Select(WebAddress.Host)
            .Append(original is null ? null : WebAddress.Host(original))
            .Append(context.Profile.Site is { } site ? WebAddress.Host(site.Url) : null)
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The original's photos, as absolute addresses.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The hosts of the licensor's site and pictures.</summary>
    public HashSet<string> LicensorHosts { get; }

    public bool IsTheirs(Uri picture) => _keys.Contains(WebAddress.Key(picture)) || Addresses.Any(t => WebAddress.LeadsTo(picture, WebAddress.Key(t)));

    public bool HasStem(string? stem) => stem is not null && _stems.Contains(stem);

    /// <summary>Whether a caption repeats one of the original's (folded words, either holding the other).</summary>
    public bool RepeatsCaption(string caption)
    {
        var folded = Fold(caption);
        return folded.Length > 0 && _captions.Any(c => c.Contains(folded, StringComparison.Ordinal) || folded.Contains(c, StringComparison.Ordinal));
    }

    /// <summary>
    /// The original's photos that were fetched, as references for the one image matcher the logos use (a photo is
    /// found whole, resized or re-encoded, or inside a larger picture); empty when none was fetched or decoded.
    /// </summary>
    public IReadOnlyList<ReferenceLogo> References(CheckContext context)
    {
        var references = new List<ReferenceLogo>();
        foreach (var address in Addresses)
        {
            if (context.Resources.Find(ResourceKind.Image, address.AbsoluteUri)?.Bytes is not { } bytes)
            {
                continue;
            }

            try
            {
                references.Add(ReferenceLogo.From($"the original's photo {address}", ImageDecoder.Decode(bytes, context.ImageLimits)));
            }
            catch (ImageException)
            {
                // A photo that does not decode is not compared: the markup decides for it.
            }
        }

        return references;
    }

    private static string Fold(string text) => string.Join(' ', Tokenizer.Words(text));
}
