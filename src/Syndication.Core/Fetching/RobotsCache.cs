using System.Collections.Concurrent;
using System.Text;
using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>
/// robots.txt per origin, fetched once per run. RFC 9309: a 4xx means no rules; a 5xx means "disallow everything"
/// until it can be read; redirects are followed (five hops). A host that cannot be reached at all for robots.txt gets
/// no page requests either, and its pages report the connection problem (timeout, connection, TLS, address) as is.
/// </summary>
public sealed class RobotsCache(HttpClient client, FetchOptions options, HostLimiter hosts)
{
    private const int MaxBytes = 512 * 1024;
    private readonly ConcurrentDictionary<string, Lazy<Task<(RobotsRules Rules, string Why)>>> _byOrigin = new(StringComparer.OrdinalIgnoreCase);

    public string ProductToken { get; } = options.UserAgent.Split('/', ' ')[0];

    public Task<(RobotsRules Rules, string Why)> GetAsync(Uri page, CancellationToken cancellationToken)
    {
        var origin = page.GetLeftPart(UriPartial.Authority);
        return _byOrigin.GetOrAdd(origin, o => new Lazy<Task<(RobotsRules, string)>>(() => FetchAsync(new Uri(o + "/robots.txt")))).Value
            .WaitAsync(cancellationToken);
    }

    private async Task<(RobotsRules, string)> FetchAsync(Uri url)
    {
        using var deadline = new CancellationTokenSource(options.AttemptTimeout);
        try
        {
            var current = url;
            for (var hop = 0; hop <= 5; hop++)
            {
                using var slot = await hosts.AcquireAsync(current.Host, deadline.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    current = new Uri(current, location);
                    if (current.Scheme is not ("http" or "https"))
                    {
                        return (RobotsRules.AllowAll, "robots.txt redirects off the web: no rules");
                    }

                    continue;
                }

                if (status is >= 200 and < 300)
                {
                    byte[] body;
                    try
                    {
                        body = await BodyReader.ReadPrefixAsync(response.Content, MaxBytes, deadline.Token);
                    }
                    catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
                    {
                        // Its rules cannot be read: as when the server fails, nothing is fetched until they can be.
                        return (RobotsRules.DisallowAll, $"robots.txt does not decompress as its Content-Encoding says, so everything is disallowed until it can be read");
                    }

                    return (RobotsRules.Parse(Encoding.UTF8.GetString(body), ProductToken), $"robots.txt at {url}");
                }

                if (status is >= 400 and < 500)
                {
                    return (RobotsRules.AllowAll, $"robots.txt answered HTTP {status}: no rules");
                }

                return (RobotsRules.DisallowAll, $"robots.txt answered HTTP {status}, so everything is disallowed until it can be read (RFC 9309)");
            }

            return (RobotsRules.AllowAll, "robots.txt redirects too often: no rules");
        }
        catch (OperationCanceledException)
        {
            // Unreachable: the host's pages are not requested (RFC 9309 says disallow); the report says why.
            throw new FetchException(ErrorKinds.Timeout, $"{url.Host} did not answer for robots.txt within {options.AttemptTimeout.TotalSeconds:0.#} s; its pages are not requested");
        }
        catch (Exception e) when (e is HttpRequestException or FetchException or IOException)
        {
            var error = FetchErrors.Classify(e, url);
            throw new FetchException(error.Kind, $"{error.Message} (while reading robots.txt; the host's pages are not requested)", e);
        }
    }
}
