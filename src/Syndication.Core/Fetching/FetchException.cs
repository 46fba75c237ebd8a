namespace Syndication.Fetching;

/// <summary>A page that could not be fetched; <see cref="Kind"/> is one of <see cref="Verdicts.ErrorKinds"/>.</summary>
public sealed class FetchException(string kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Kind { get; } = kind;
}
