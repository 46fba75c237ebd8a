using System.Net.Sockets;
using System.Security.Authentication;
using Syndication.Verdicts;

namespace Syndication.Fetching;

/// <summary>Turns what HttpClient throws into a <see cref="FetchException"/> with a kind, and says which failures deserve a retry.</summary>
public static class FetchErrors
{
    public static FetchException Classify(Exception exception, Uri url)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case FetchException fetch:
                    return fetch;
                case AuthenticationException tls:
                    return new FetchException(ErrorKinds.Tls, $"TLS handshake with {url.Host} failed: {tls.Message}", exception);
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain } dns:
                    return new FetchException(ErrorKinds.Dns, $"cannot resolve {url.Host}: {dns.SocketErrorCode}", exception);
                case SocketException socket:
                    return new FetchException(ErrorKinds.Connection, $"connection to {url.Host} failed: {socket.SocketErrorCode}", exception);
            }
        }

        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
        {
            return new FetchException(ErrorKinds.Dns, $"cannot resolve {url.Host}", exception);
        }

        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return new FetchException(ErrorKinds.Tls, $"TLS with {url.Host} failed: {exception.Message}", exception);
        }

        return new FetchException(ErrorKinds.Connection, $"{url.Host}: {OneLine(exception.Message)}", exception);
    }

    /// <summary>Connection resets and refusals may be transient; TLS, DNS and refused addresses are not.</summary>
    public static bool IsTransient(Exception exception) =>
        Classify(exception, new Uri("http://x/")).Kind == ErrorKinds.Connection;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
