namespace Syndication.Verdicts;

/// <summary>The kinds of <see cref="PageError"/>. A fetch problem is never a compliance finding.</summary>
public static class ErrorKinds
{
    public const string NotFound = "not-found";
    public const string Address = "address";
    public const string Read = "read";
    public const string Timeout = "timeout";
    public const string RateLimited = "rate-limited";
    public const string TooLarge = "too-large";
    public const string NotHtml = "not-html";
    public const string Empty = "empty";
    public const string HttpStatus = "http-status";
    public const string BlockedAddress = "blocked-address";
    public const string Robots = "robots";
    public const string Tls = "tls";
    public const string Dns = "dns";
    public const string Redirects = "redirects";
    public const string Connection = "connection";
    public const string Budget = "budget";
    public const string Interrupted = "interrupted";
    public const string Parse = "parse";
    public const string TooComplex = "too-complex";
    public const string Render = "render";
    public const string Internal = "internal";
}
