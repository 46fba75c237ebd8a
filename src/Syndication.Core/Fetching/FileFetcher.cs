using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>Reads pages from local files, with the same size cap and HTML sniffing as the web.</summary>
public sealed class FileFetcher(FetchOptions options, TimeProvider time) : IPageFetcher
{
    public async Task<FetchedPage> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var address = request.Address;
        var path = address.FilePath ?? throw new ArgumentException("not a file address", nameof(request));
        var started = time.GetTimestamp();
        if (Directory.Exists(path))
        {
            throw new FetchException(ErrorKinds.Read, $"{address.Argument} is a folder, not a page");
        }

        if (!File.Exists(path))
        {
            throw new FetchException(ErrorKinds.NotFound, $"file not found: {address.Argument}");
        }

        byte[] body;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > options.MaxBodyBytes)
            {
                throw new FetchException(ErrorKinds.TooLarge, $"the file is {length:N0} bytes, over the {options.MaxBodyBytes:N0}-byte limit");
            }

            body = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException(ErrorKinds.Read, $"cannot read {address.Argument}: {e.Message}", e);
        }

        return new FetchedPage
        {
            Address = address,
            Body = body,
            FinalLocation = path,
            FetchedAt = time.GetUtcNow(),
            Elapsed = time.GetElapsedTime(started),
        };
    }
}
