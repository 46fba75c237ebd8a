using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml;
using Syndication.Fetching;
using Syndication.Text;

namespace Syndication.Sitemaps;

/// <summary>
/// Reads a site's sitemaps as a stream of page entries (<see cref="SitemapEntry"/>: URL, lastmod, news title and
/// date), following a sitemap index to the sitemaps it lists, newest first. Hostile input is bounded and reported,
/// never thrown: DTDs (entity expansion, external entities) are refused, a gzipped sitemap stops at its unpacked-size
/// cap, index loops and deep nesting are cut, relative URLs are resolved and off-site ones skipped, unreadable dates
/// dropped, a wrong content type refused, and each such thing is one <see cref="SitemapProblem"/> line naming the
/// sitemap in the <see cref="SitemapReport"/>, while the other sitemaps are still read. Sitemaps are fetched through
/// the guarded fetcher (robots, politeness, SSRF guard, conditional cache) and spooled, not held in memory, so a
/// 50,000-URL sitemap costs what one entry does.
/// </summary>
/// <example><code>
/// var report = new SitemapReport();
/// await foreach (var entry in new SitemapReader(fetcher).ReadAsync("https://partner.example/sitemap.xml", report))
/// {
///     // entry.Location, entry.LastModified, entry.NewsTitle, entry.NewsPublished, entry.Sitemap
/// }
/// // report.Problems: one line each, e.g. "sitemap https://partner.example/a.xml: refused: it declares a DTD ..."
/// </code></example>
public sealed partial class SitemapReader(IDocumentFetcher fetcher, SitemapLimits? limits = null, TimeProvider? time = null)
{
    private readonly SitemapLimits _limits = limits ?? new SitemapLimits();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// Reads the sitemap (a URL or a local file; an index, a urlset or a text sitemap) and every sitemap its
    /// index lists, yielding each page entry as it is read.
    /// </summary>
    public async IAsyncEnumerable<SitemapEntry> ReadAsync(
        string sitemap,
        SitemapReport report,
        SitemapReadOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new SitemapReadOptions();
        PageAddress root;
        try
        {
            root = PageAddress.Parse(sitemap);
        }
        catch (FormatException e)
        {
            report.Add(new SitemapProblem(sitemap, e.Message));
            yield break;
        }

        var hosts = Hosts(options, root);
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(root) };
        var queue = new Queue<(PageAddress Address, int Depth, DateTimeOffset? LastModified)>();
        queue.Enqueue((root, 0, null));
        var fetched = 0;
        while (queue.TryDequeue(out var next))
        {
            if (fetched == _limits.MaxSitemaps)
            {
                report.Add(new SitemapProblem(Name(root), $"its indexes list more than {_limits.MaxSitemaps:N0} sitemaps; {queue.Count + 1:N0} were not read"));
                yield break;
            }

            fetched++;
            var children = new List<(PageAddress Address, DateTimeOffset? LastModified)>();
            var complete = false;
            await foreach (var entry in ReadDocumentAsync(next.Address, next.Depth, hosts, children, report, options, () => complete = true, cancellationToken))
            {
                yield return entry;
            }

            if (complete && next.LastModified is { } dated)
            {
                report.ReadInFull.Add((Name(next.Address), dated));
            }

            // Newest first, those without a date before them (they may have changed): a caller that stops early
            // has seen the newest pages.
            foreach (var child in children.OrderByDescending(c => c.LastModified ?? DateTimeOffset.MaxValue))
            {
                if (!seen.Add(Key(child.Address)))
                {
                    report.Add(new SitemapProblem(Name(next.Address), $"index loop: it lists {Name(child.Address)}, which was already read"));
                }
                else if ((options.ModifiedSince is { } since && child.LastModified < since)
                    || (options.ReadBefore?.GetValueOrDefault(Name(child.Address)) is { } before && child.LastModified <= before))
                {
                    report.SitemapsUnchanged++;
                }
                else if (options.Follow is { } follow && !follow(child.Address.Url ?? new Uri(child.Address.FilePath!)))
                {
                    report.SitemapsSkipped++;
                }
                else
                {
                    queue.Enqueue((child.Address, next.Depth + 1, child.LastModified));
                }
            }
        }
    }

    private async IAsyncEnumerable<SitemapEntry> ReadDocumentAsync(
        PageAddress address,
        int depth,
        HashSet<string>? hosts,
        List<(PageAddress, DateTimeOffset?)> children,
        SitemapReport report,
        SitemapReadOptions options,
        Action completed,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var name = Name(address);
        FetchedDocument fetched;
        try
        {
            var request = new FetchRequest(address, options.IgnoreRobots) { Accepts = FetchRequest.Sitemap, MaxBytes = _limits.MaxBytes };
            fetched = await fetcher.FetchDocumentAsync(request, cancellationToken);
        }
        catch (FetchException e)
        {
            report.SitemapsFailed++;
            report.Add(new SitemapProblem(name, $"could not be fetched ({e.Kind}): {e.Message}"));
            yield break;
        }

        using (fetched)
        {
            report.SitemapsRead++;
            if (fetched.Facts.FromCache)
            {
                report.SitemapsFromCache++;
            }

            // Relative URLs resolve against where the sitemap was finally read from (after redirects).
            var baseUri = address.IsFile ? new Uri(address.FilePath!) : new Uri(fetched.Facts.FinalLocation);
            SitemapDocument document;
            try
            {
                document = await SitemapDocument.OpenAsync(Unpack(fetched.Body), cancellationToken);
            }
            catch (Exception e) when (IsDocumentFault(e))
            {
                report.SitemapsFailed++;
                report.Add(new SitemapProblem(name, Describe(e)));
                yield break;
            }

            using (document)
            {
                if (document.Kind == SitemapKind.Index && depth >= _limits.MaxIndexDepth)
                {
                    report.Add(new SitemapProblem(name, $"is a sitemap index nested {depth + 1} deep (at most {_limits.MaxIndexDepth} followed); the sitemaps it lists were not read"));
                    yield break;
                }

                var notes = new SitemapNotes();
                var now = _time.GetUtcNow();
                long entries = 0;
                var faulted = false;
                while (true)
                {
                    SitemapDocument.Item? item;
                    try
                    {
                        item = await document.NextAsync(cancellationToken);
                    }
                    catch (Exception e) when (IsDocumentFault(e))
                    {
                        var read = document.Kind == SitemapKind.Index ? $"{children.Count:N0} sitemap(s)" : $"{entries:N0} entr{(entries == 1 ? "y" : "ies")}";
                        report.Add(new SitemapProblem(name, $"{Describe(e)}; {read} read before it"));
                        report.SitemapsFailed++;
                        faulted = true;
                        break;
                    }

                    if (item is null)
                    {
                        break;
                    }

                    if (document.Kind == SitemapKind.Index)
                    {
                        if (Resolve(item.Location, baseUri, address.IsFile, hosts, notes, sitemap: true) is { } child)
                        {
                            children.Add((PageAddress.Parse(child.IsFile ? child.LocalPath : child.AbsoluteUri), Date(item.LastModified, child, now, notes)));
                        }

                        continue;
                    }

                    if (Resolve(item.Location, baseUri, address.IsFile, hosts, notes, sitemap: false, relative: document.Kind != SitemapKind.Text) is not { } location)
                    {
                        continue;
                    }

                    entries++;
                    report.Entries++;
                    yield return new SitemapEntry(
                        location,
                        Date(item.LastModified, location, now, notes),
                        Title(item.NewsTitle),
                        Date(item.NewsPublished, location, now, notes),
                        name);
                }

                if (entries > SitemapLimits.ProtocolMaxUrls)
                {
                    notes.Add(SitemapNotes.Note.OverProtocol, entries.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
                }

                foreach (var message in notes.Messages())
                {
                    report.Add(new SitemapProblem(name, message));
                }

                if (!faulted)
                {
                    completed();
                }
            }
        }
    }

    /// <summary>The body as read, gunzipped when it is a gzip file (sitemap.xml.gz), with the unpacked size capped.</summary>
    private CappedReadStream Unpack(Stream body)
    {
        Span<byte> magic = stackalloc byte[2];
        var gzip = body.CanSeek && body.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        if (body.CanSeek)
        {
            body.Position = 0;
        }

        return gzip
            ? new CappedReadStream(new GZipStream(body, CompressionMode.Decompress, leaveOpen: true), _limits.MaxUnpackedBytes)
            : new CappedReadStream(body, _limits.MaxBytes, leaveOpen: true);
    }

    /// <summary>
    /// An entry's or a listed sitemap's URL, or null (noted) when it cannot be used: none, too long, not a web URL,
    /// or on another site. A relative one is resolved against the sitemap and noted (a text sitemap must give whole
    /// URLs). A local sitemap file may list local files (relative to its folder) as well as web pages.
    /// </summary>
    private Uri? Resolve(string? raw, Uri baseUri, bool localSitemap, HashSet<string>? hosts, SitemapNotes notes, bool sitemap, bool relative = true)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            notes.Add(SitemapNotes.Note.NoLocation, string.Empty);
            return null;
        }

        if (text.Length > _limits.MaxUrlLength)
        {
            notes.Add(SitemapNotes.Note.TooLong, text);
            return null;
        }

        Uri? url;
        if (!relative || (Scheme().IsMatch(text) && !(text.Length > 2 && text[1] == ':' && char.IsLetter(text[0]))))
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out url) || !(IsWeb(url) || (localSitemap && url.IsFile)))
            {
                notes.Add(sitemap ? SitemapNotes.Note.NotWebSitemap : SitemapNotes.Note.NotWeb, text);
                return null;
            }
        }
        else if (!Uri.TryCreate(baseUri, text, out url) || !(IsWeb(url) || url.IsFile))
        {
            notes.Add(SitemapNotes.Note.RelativeUnresolved, text);
            return null;
        }
        else if (!localSitemap)
        {
            notes.Add(SitemapNotes.Note.Relative, text);
        }

        if (IsWeb(url) && hosts is not null && !hosts.Contains(url.IdnHost))
        {
            notes.Add(sitemap ? SitemapNotes.Note.OffSiteSitemap : SitemapNotes.Note.OffSite, url.AbsoluteUri);
            return null;
        }

        return url;
    }

    private DateTimeOffset? Date(string? raw, Uri url, DateTimeOffset now, SitemapNotes notes)
    {
        if (raw is null)
        {
            return null;
        }

        var date = SitemapDates.Parse(raw, now, _limits.FutureTolerance);
        if (date is null)
        {
            notes.Add(SitemapNotes.Note.BadDate, $"\"{raw.Trim()}\" for {url.AbsoluteUri}");
        }

        return date;
    }

    private string? Title(string? raw)
    {
        var title = raw is null ? null : TextFolding.CollapseWhiteSpace(raw);
        return string.IsNullOrEmpty(title) ? null : TextShortening.End(title, _limits.MaxTitleLength);
    }

    /// <summary>The site's hosts: as the caller says, else the first sitemap's host with and without www.; any host for a local file.</summary>
    private static HashSet<string>? Hosts(SitemapReadOptions options, PageAddress root)
    {
        if (options.Hosts is { } given)
        {
            return new HashSet<string>(given.Select(h => new Uri("http://" + h.Trim().TrimEnd('/')).IdnHost), StringComparer.OrdinalIgnoreCase);
        }

        if (root.Url is not { } url)
        {
            return null;
        }

        var host = url.IdnHost;
        var other = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : "www." + host;
        return new HashSet<string>([host, other], StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsDocumentFault(Exception e) =>
        e is XmlException or SitemapFormatException or SitemapTooLargeException or InvalidDataException or IOException or System.Text.DecoderFallbackException;

    private static string Describe(Exception e) => e switch
    {
        XmlException x when x.Message.Contains("DTD", StringComparison.Ordinal) =>
            "refused: it declares a DTD (<!DOCTYPE>), which a sitemap never needs and which could expand entities (billion laughs) or read other files",
        XmlException x => $"malformed XML at line {x.LineNumber}, position {x.LinePosition}: {FirstSentence(x.Message)}",
        InvalidDataException x => $"does not unpack as gzip: {x.Message.ReplaceLineEndings(" ")}",
        _ => e.Message.ReplaceLineEndings(" "),
    };

    private static string FirstSentence(string message)
    {
        var oneLine = message.ReplaceLineEndings(" ");
        var cut = oneLine.IndexOf(" Line ", StringComparison.Ordinal);
        return (cut > 0 ? oneLine[..cut] : oneLine).TrimEnd('.', ' ');
    }

    private static bool IsWeb(Uri url) => url.Scheme is "http" or "https";

    private static string Key(PageAddress address) => address.Url?.AbsoluteUri ?? address.FilePath!;

    private static string Name(PageAddress address) => address.Url?.AbsoluteUri ?? address.Argument;

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex Scheme();
}
