using System.CommandLine;
using System.Globalization;
using Syndication.Partners;

namespace Syndication.Cli.Commands;

/// <summary>
/// Where a command that reads a history (runs, history, diff, report, evidence, casefile) finds it: --history PATH, else
/// the partner list given as its first argument, exactly as audit does (the list's settings.history, or
/// PARTNERS.history.db beside it): <c>syndication runs partners.yaml</c>.
/// </summary>
public static class HistoryLocation
{
    /// <summary>--history for a reading command: optional when the partner list is given.</summary>
    public static Option<string?> Option() => new("--history")
    {
        Description = "The history file (SQLite). Default: the partner list's, as audit finds it (settings.history, or PARTNERS.history.db beside the list).",
        HelpName = "PATH",
    };

    /// <summary>The partner list as a command's only, optional argument (runs, report).</summary>
    public static Argument<string?> ListArgument() => new("PARTNERS_FILE")
    {
        Description = "The partner list whose history to read (as audit finds it); or give --history.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>[PARTNERS_FILE] followed by what the command is about (history, evidence, casefile): one or two words.</summary>
    public static Argument<string[]> ListAnd(string name, string description) => new("ARGS")
    {
        Description = $"[PARTNERS_FILE] {name}: the partner list whose history to read (or give --history), then {description}",
        HelpName = $"[PARTNERS_FILE] {name}",
        Arity = new ArgumentArity(1, 2),
    };

    /// <summary>Splits [PARTNERS_FILE] WHAT: with two words the first is the list.</summary>
    public static (string? List, string What) Split(string[] words, string? history, string command, string name)
    {
        if (words.Length == 2)
        {
            return (words[0], words[1]);
        }

        // Only the list, and no --history: the partner or page was left out (not "no partner named partners.yaml").
        if (history is null && LooksLikeList(words[0]) && File.Exists(words[0]))
        {
            throw new UsageException($"give the {name} after the partner list: syndication {command} {words[0]} {name}");
        }

        return (null, words[0]);
    }

    /// <summary>[PARTNERS_FILE] [RUN [RUN]] of diff: a first word that is not a run id is the list.</summary>
    public static (string? List, long[] Runs) SplitRuns(string[] words)
    {
        string? list = null;
        if (words.Length > 0 && !long.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            list = words[0];
            words = words[1..];
        }

        if (words.Length > 2)
        {
            throw new UsageException($"diff takes at most two runs (got {words.Length})");
        }

        var runs = new long[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            runs[i] = long.TryParse(words[i], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : throw new UsageException($"'{words[i]}' is not a run id (see 'syndication runs'); the partner list comes first: syndication diff PARTNERS_FILE [RUN [RUN]]");
        }

        return (list, runs);
    }

    /// <summary>The history file: --history as given; else the list's; else a one-line usage error saying what to give.</summary>
    public static string Find(string? history, string? list, string command)
    {
        if (history is not null)
        {
            return history;
        }

        if (list is null)
        {
            throw new UsageException($"{command} reads a history: give the partner list (syndication {command} partners.yaml) or --history PATH");
        }

        // A history file given where the list goes is read as the history.
        if (string.Equals(Path.GetExtension(list), ".db", StringComparison.OrdinalIgnoreCase) && File.Exists(list))
        {
            return list;
        }

        var settings = PartnerListReader.ReadSettings(list);
        var path = settings.History ?? HistoryOptions.DefaultPath(list, shard: null);
        return File.Exists(path)
            ? path
            : throw new UsageException($"no history for {list} yet (it would be {path}): 'syndication audit {list}' writes it");
    }

    private static bool LooksLikeList(string word) =>
        Path.GetExtension(word).ToLowerInvariant() is ".yaml" or ".yml" or ".csv";
}
