using Syndication.Fetching;
using Syndication.Parsing;

namespace Syndication.Originals;

/// <summary>
/// Loads originals from each source: a feed (RSS 2.0 or Atom) or an original article page, as a file or an
/// http(s) URL, or a folder of such files. What a source is, is told by its content, not its name.
/// </summary>
public sealed class OriginalsLoader(IPageFetcher fetcher)
{
    private static readonly string[] FolderExtensions = [".xml", ".rss", ".atom", ".html", ".htm", ".xhtml"];

    public async Task<List<Original>> LoadAsync(IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        var originals = new List<Original>();
        foreach (var source in sources)
        {
            originals.AddRange(await LoadAsync(source, cancellationToken));
        }

        return originals;
    }

    public async Task<List<Original>> LoadAsync(string source, CancellationToken cancellationToken)
    {
        PageAddress address;
        try
        {
            address = PageAddress.Parse(source);
        }
        catch (FormatException e)
        {
            throw new OriginalsException($"originals {source}: {e.Message}", e);
        }

        if (address.IsFile && Directory.Exists(address.FilePath))
        {
            var files = Directory.EnumerateFiles(address.FilePath!)
                .Where(f => FolderExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                throw new OriginalsException($"originals folder {source} holds no feed or page (.xml, .rss, .atom, .html)");
            }

            var all = new List<Original>();
            foreach (var file in files)
            {
                all.AddRange(await LoadAsync(file, cancellationToken));
            }

            return all;
        }

        FetchedPage fetched;
        try
        {
            fetched = await fetcher.FetchAsync(new FetchRequest(address) { Accepts = FetchRequest.FeedOrPage }, cancellationToken);
        }
        catch (FetchException e)
        {
            throw new OriginalsException($"originals {source}: {e.Message}", e);
        }

        return Read(fetched.Body, fetched.Charset, source);
    }

    /// <summary>Reads a feed or an article page from bytes.</summary>
    public static List<Original> Read(byte[] body, string? charset, string source)
    {
        try
        {
            return ReadFeedOrPage(body, charset, source);
        }
        catch (PageTooComplexException e)
        {
            throw new OriginalsException($"originals {source}: {e.Message}", e);
        }
    }

    private static List<Original> ReadFeedOrPage(byte[] body, string? charset, string source)
    {
        if (body.Length == 0)
        {
            throw new OriginalsException($"originals {source}: the file is empty");
        }

        if (LooksLikeFeed(body))
        {
            using var stream = new MemoryStream(body);
            var originals = FeedReader.Read(stream, source);
            if (originals.Count == 0)
            {
                throw new OriginalsException($"originals {source}: the feed has no items with a title");
            }

            return originals;
        }

        if (ContentSniffer.DescribeNonHtml(body) is { } what)
        {
            throw new OriginalsException($"originals {source}: not a feed or an HTML page ({what})");
        }

        return [OriginalPageReader.Read(PageParser.Parse(body, charset), source)];
    }

    private static bool LooksLikeFeed(byte[] body)
    {
        var head = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 4096)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!head.StartsWith('<'))
        {
            return false;
        }

        return head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<?xml", StringComparison.Ordinal) && !head.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }
}
