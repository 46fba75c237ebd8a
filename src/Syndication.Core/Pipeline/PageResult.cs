using System.Text.Json.Serialization;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>Everything known about one checked page: the verdict, each requirement's outcome and evidence, or why it could not be checked.</summary>
public sealed record PageResult
{
    /// <summary>The page as given (a file path stays a path).</summary>
    public required string Url { get; init; }

    public string? Partner { get; init; }

    public required PageVerdict Verdict { get; init; }

    public OriginalInfo? Original { get; init; }

    public IReadOnlyList<RequirementOutcome> Requirements { get; init; } = [];

    public PageError? Error { get; init; }

    /// <summary>Why the page got its verdict when no requirement says it (not applicable; could not locate the article).</summary>
    public string? Note { get; init; }

    /// <summary>Where the article was found on the page (selector of its story and headline).</summary>
    public string? Region { get; init; }

    public FetchFacts? Fetch { get; init; }

    /// <summary>The fetched bytes, kept only while the run needs them (evidence archive); never serialised.</summary>
    [JsonIgnore]
    public byte[]? Body { get; init; }

    /// <summary>Response headers of the fetch, for the evidence archive; never serialised with the result.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A copy without the fetched bytes and headers: what is kept once the page is archived.</summary>
    public PageResult Compact() => Body is null && Headers is null ? this : this with { Body = null, Headers = null };

    public static PageResult Failed(PageTarget target, string kind, string message) => new()
    {
        Url = target.Address.Argument,
        Partner = target.Partner,
        Verdict = PageVerdict.Error,
        Error = new PageError(kind, message),
    };
}
