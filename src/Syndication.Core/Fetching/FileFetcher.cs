using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>Reads pages from local files, with the same size cap and HTML sniffing as the web.</summary>
public sealed class FileFetcher(FetchOptions options, TimeProvider time) : IPageFetcher, IDocumentFetcher
{
    public async Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // Read through the cap, not by the length the file system reports: a device (/dev/zero) reports 0 and never ends.
        var body = await OpenAsync(request, async path =>
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
            return await BodyReader.ReadCappedAsync(stream, request.MaxBytes ?? options.MaxBodyBytes, cancellationToken);
        });
        return Facts(request, body, started);
    }

    /// <summary>A local document is read from its file as it is: nothing to spool.</summary>
    public async Task<FetchedDocument> FetchDocumentAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var stream = await OpenAsync(request, path => Task.FromResult<FileStream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous)));
        return new FetchedDocument(Facts(request, [], started), stream, stream.Length);
    }

    private async Task<T> OpenAsync<T>(FetchRequest request, Func<string, Task<T>> open)
    {
        var address = request.Address;
        var path = address.FilePath ?? throw new ArgumentException("not a file address", nameof(request));
        if (Directory.Exists(path))
        {
            throw new FetchException(ErrorKinds.Read, $"{address.Argument} is a folder, not a page");
        }

        if (!File.Exists(path))
        {
            throw new FetchException(ErrorKinds.NotFound, $"file not found: {address.Argument}");
        }

        try
        {
            var length = new FileInfo(path).Length;
            var maxBytes = request.MaxBytes ?? options.MaxBodyBytes;
            if (length > maxBytes)
            {
                throw new FetchException(ErrorKinds.TooLarge, $"the file is {length:N0} bytes, over the {maxBytes:N0}-byte limit");
            }

            return await open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException(ErrorKinds.Read, $"cannot read {address.Argument}: {e.Message}", e);
        }
    }

    private FetchedPage Facts(FetchRequest request, byte[] body, long started) => new()
    {
        Address = request.Address,
        Body = body,
        FinalLocation = request.Address.FilePath!,
        FetchedAt = time.GetUtcNow(),
        Elapsed = time.GetElapsedTime(started),
    };
}
