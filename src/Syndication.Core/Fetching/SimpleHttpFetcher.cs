using System.Net.Http.Headers;
using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>A plain HttpClient fetch with a whole-page deadline and a body cap. The nightly audit uses the hardened fetcher.</summary>
public sealed class SimpleHttpFetcher(HttpClient client, FetchOptions options, TimeProvider time) : IPageFetcher
{
    public async Task<FetchedPage> FetchAsync(PageAddress address, CancellationToken cancellationToken)
    {
        var url = address.Url ?? throw new ArgumentException("not a web address", nameof(address));
        var started = time.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException(ErrorKinds.HttpStatus, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
            var body = await BodyReader.ReadCappedAsync(response.Content, options.MaxBodyBytes, deadline.Token);
            return new FetchedPage
            {
                Address = address,
                Body = body,
                MediaType = mediaType,
                Charset = response.Content.Headers.ContentType?.CharSet,
                FinalLocation = response.RequestMessage?.RequestUri?.ToString() ?? url.ToString(),
                StatusCode = (int)response.StatusCode,
                Headers = HeaderMap(response.Headers, response.Content.Headers),
                FetchedAt = time.GetUtcNow(),
                Elapsed = time.GetElapsedTime(started),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException(ErrorKinds.Timeout, $"no complete answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            throw new FetchException(e.HttpRequestError == HttpRequestError.NameResolutionError ? ErrorKinds.Dns : ErrorKinds.Connection, e.Message, e);
        }
    }

    internal static Dictionary<string, string> HeaderMap(HttpResponseHeaders headers, HttpContentHeaders content)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers.Concat(content))
        {
            map[header.Key] = string.Join(", ", header.Value);
        }

        return map;
    }
}
