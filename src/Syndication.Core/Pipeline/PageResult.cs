using System.Text.Json.Serialization;
using Syndication.Rendering;
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

    /// <summary>For a page judged as the browser rendered it: why, what it cost, what was refused, the screenshots; else null.</summary>
    public RenderFacts? Rendered { get; init; }

    /// <summary>Since the last complete run: "new", "persisting", "fixed" or "same"; null without history.</summary>
    public string? Change { get; init; }

    /// <summary>When the page's current state began (a failing streak's first run, or when it became fine).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>For a violation: in how many checked runs in a row it has been seen (this one included).</summary>
    public int? Streak { get; init; }

    /// <summary>False while a violation has not yet been seen in as many runs in a row as --confirm-after asks.</summary>
    public bool? Confirmed { get; init; }

    /// <summary>For a page discovery found (not listed by hand): when and where; null otherwise.</summary>
    public FoundNote? Found { get; init; }

    /// <summary>Non-compliant only through failures that waivers in force cover.</summary>
    [JsonIgnore]
    public bool Waived => Verdict == PageVerdict.NonCompliant && Requirements.Where(r => r.Status == Outcome.Fail).All(r => r.IsWaived);

    /// <summary>The page's position in the whole partner list (kept across shards, so merged runs keep the order).</summary>
    public int? Position { get; init; }

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
