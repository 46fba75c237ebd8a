using System.CommandLine;
using Syndication.History;
using Syndication.Pipeline;

namespace Syndication.Cli.Commands;

/// <summary>The options of the nightly job's memory: where the history lives, what fails a run, how long evidence is kept.</summary>
public sealed class HistoryOptions
{
    public Option<string?> History { get; } = HistoryFile(required: false);

    public Option<bool> NoHistory { get; } = new("--no-history") { Description = "Keep no history: no change tracking, no evidence archive." };

    public Option<string> FailOn { get; } = new("--fail-on") { Description = "What makes the run exit 1: new (a violation new since the last complete run), any, never. Default new.", DefaultValueFactory = _ => "new", HelpName = "new|any|never" };

    public Option<int> ConfirmAfter { get; } = new("--confirm-after") { Description = "A violation is new only once seen in this many runs in a row. Default 1.", DefaultValueFactory = _ => 1, HelpName = "N" };

    public Option<int> KeepEvidenceDays { get; } = new("--keep-evidence-days") { Description = "Days to keep the fetched bytes of non-compliant pages; evidence of findings still open is always kept. Default 90.", DefaultValueFactory = _ => 90, HelpName = "DAYS" };

    public Option<int> KeepHistoryDays { get; } = new("--keep-history-days") { Description = $"Days of runs the history keeps whole; older runs keep their counts, each page its latest state. Default {HistoryStore.DefaultKeepDays}.", DefaultValueFactory = _ => HistoryStore.DefaultKeepDays, HelpName = "DAYS" };

    public IEnumerable<Option> All => [History, NoHistory, FailOn, ConfirmAfter, KeepEvidenceDays, KeepHistoryDays];

    /// <summary>How long archived fetches and whole runs are kept.</summary>
    public sealed record Retention(int EvidenceDays, int HistoryDays);

    /// <summary>
    /// --history: required by the commands that read a history or merge into one; audit finds its own beside the
    /// partner list when it is not given.
    /// </summary>
    public static Option<string?> HistoryFile(bool required) => new("--history")
    {
        Description = required
            ? "The history file (SQLite), e.g. samples/partners.history.db."
            : "The history file (SQLite). Default: PARTNERS.history.db beside the partner list.",
        HelpName = "PATH",
        Required = required,
    };

    public Pipeline.FailOn FailOnFrom(ParseResult result) => ParseFailOn(result.GetValue(FailOn)!);

    public static Pipeline.FailOn ParseFailOn(string text) => text.ToLowerInvariant() switch
    {
        "new" => Pipeline.FailOn.New,
        "any" => Pipeline.FailOn.Any,
        "never" => Pipeline.FailOn.Never,
        _ => throw new UsageException($"unknown --fail-on '{text}'; valid: new, any, never"),
    };

    public int ConfirmAfterFrom(ParseResult result)
    {
        var n = result.GetValue(ConfirmAfter);
        return n >= 1 ? n : throw new UsageException($"--confirm-after must be at least 1 (got {n})");
    }

    public Retention KeepDaysFrom(ParseResult result)
    {
        var evidence = result.GetValue(KeepEvidenceDays);
        var history = result.GetValue(KeepHistoryDays);
        return evidence < 0 ? throw new UsageException($"--keep-evidence-days cannot be negative (got {evidence})")
            : history < 1 ? throw new UsageException($"--keep-history-days must be at least 1 (got {history})")
            : new Retention(evidence, history);
    }

    /// <summary>The history file for a partner list: PATH.history.db beside it, or PATH.shard-K-of-N.db for a shard.</summary>
    public static string DefaultPath(string partnerList, Shard? shard)
    {
        var full = Path.GetFullPath(partnerList);
        var stem = Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full));
        return shard is null ? stem + ".history.db" : $"{stem}.shard-{shard.Index}-of-{shard.Count}.db";
    }

    /// <summary>Opens a history; its problems are HistoryExceptions, which the CLI prints as one line with exit 3.</summary>
    /// <param name="writer">True for commands that write the history (audit, merge): one at a time.</param>
    public static HistoryStore Open(string path, bool create, bool writer = false) => HistoryStore.Open(path, create, exclusive: writer);

    /// <summary>
    /// Runs a command that reads a history: whatever it reads, a SQLite failure or a damaged stored value is one line
    /// naming the file and the cause (exit 3), never a crash.
    /// </summary>
    public static int Read(string path, Func<HistoryStore, int> work)
    {
        using var store = Open(path, create: false);
        return store.Use(() => work(store));
    }
}
