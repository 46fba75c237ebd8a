using System.CommandLine;
using System.Globalization;
using Syndication.Files;
using Syndication.History;
using Syndication.Pipeline;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary><c>syndication runs</c>: the runs in a history file, newest first.</summary>
public static class RunsCommand
{
    public static Command Build(CliContext context)
    {
        var list = HistoryLocation.ListArgument();
        var history = HistoryLocation.Option();
        var limit = new Option<int>("--limit") { Description = "How many runs to list. Default 20.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("runs", "List the runs in the history, newest first.") { list, history, limit };
        command.SetAction(result => HistoryOptions.Read(HistoryLocation.Find(result.GetValue(history), result.GetValue(list), "runs"), store =>
        {
            var o = context.Stdout;
            o.WriteLine("RUN   STARTED               STATUS       SHARD  PAGES  COMPLIANT  NON-COMPLIANT  REVIEW  N/A  ERRORS");
            foreach (var run in store.Runs(result.GetValue(limit)))
            {
                var c = run.Counts;
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{run.Id,-5} {ReportFormatting.Date(run.StartedAt),-21} {run.Status,-12} {(HistoryScope.IsPart(run.Shard) ? "part" : run.Shard ?? "-"),-6} {c.Pages,5}  {c.Compliant,9}  {c.NonCompliant,13}  {c.NeedsReview,6}  {c.NotApplicable,3}  {c.Errors,6}{(HistoryScope.IsPart(run.Shard) ? $"  (pages {TerminalText.Safe(run.Shard![HistoryScope.Part.Length..])})" : string.Empty)}"));
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary><c>syndication history PARTNER|URL</c>: a page's or a partner's timeline across runs.</summary>
public static class HistoryCommand
{
    public static Command Build(CliContext context)
    {
        var words = HistoryLocation.ListAnd("PARTNER|URL", "a partner's name, or a page (its URL or path, or part of it).");
        var history = HistoryLocation.Option();
        var command = new Command("history", "Show a partner's or a page's timeline: verdict, change and failing requirements per run.") { words, history };
        command.SetAction(result =>
        {
            var (list, what) = HistoryLocation.Split(result.GetValue(words)!, result.GetValue(history), "history", "PARTNER|URL");
            return HistoryOptions.Read(HistoryLocation.Find(result.GetValue(history), list, "history"), store => Timeline(context, store, what));
        });
        return command;
    }

    private static int Timeline(CliContext context, HistoryStore store, string what)
    {
        var entries = store.Timeline(what);
        var ledger = new HistoryLedger(store);
        var o = context.Stdout;
        if (entries.Count == 0)
        {
            // A watched site has no pages of its own in the runs: its unlicensed republications are in the ledger.
            var copies = ledger.Found(Discovery.DiscoverySite.KeyOf(what, watched: true));
            if (copies.Count == 0)
            {
                context.Stderr.WriteLine($"syndication: no page, partner or watched site matching \"{TerminalText.Safe(what)}\" in {store.Path}");
                return ExitCodes.Usage;
            }

            foreach (var copy in copies)
            {
                o.WriteLine($"{TerminalText.Safe(copy.Url)}  unlicensed: republishes \"{TerminalText.Safe(copy.OriginalTitle)}\", found on {ReportFormatting.Day(copy.FoundAt!.Value)} via {TerminalText.Safe(copy.Via)}");
            }

            return ExitCodes.Ok;
        }

        var found = new Dictionary<string, IReadOnlyDictionary<string, Discovery.LedgerEntry>>(StringComparer.Ordinal);
        foreach (var page in entries.GroupBy(e => (e.Partner, e.Url)))
        {
            var origin = string.Empty;
            if (page.Key.Partner is { } partner)
            {
                if (!found.TryGetValue(partner, out var pages))
                {
                    found[partner] = pages = ledger.Found(Discovery.DiscoverySite.KeyOf(partner, watched: false)).ToDictionary(e => e.Url, StringComparer.Ordinal);
                }

                if (pages.TryGetValue(page.Key.Url, out var entry))
                {
                    origin = $"  found on {ReportFormatting.Day(entry.FoundAt!.Value)} via {TerminalText.Safe(entry.Via)}";
                }
            }

            o.WriteLine($"{TerminalText.Safe(page.Key.Url)}{(page.Key.Partner is null ? string.Empty : $"  ({TerminalText.Safe(page.Key.Partner)})")}{origin}");
            foreach (var e in page)
            {
                var failing = e.Failed.Count > 0 ? "  fails: " + string.Join(", ", e.Failed) : string.Empty;
                var since = e.Since is { } s ? $"  since {ReportFormatting.Date(s)}" : string.Empty;
                var error = e.ErrorKind is null ? string.Empty : $"  ({e.ErrorKind})";
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  run {e.RunId,-4} {ReportFormatting.Date(e.RunStarted)}  {e.Verdict,-14}{error} {e.Change ?? string.Empty,-10}{since}{failing}{(e.RunStatus == HistoryStore.Complete ? string.Empty : $"  [{e.RunStatus} run]")}"));
            }
        }

        if (entries.Count == HistoryStore.TimelineLimit)
        {
            context.Stderr.WriteLine($"syndication: showing the newest {HistoryStore.TimelineLimit} entries; older runs are left out");
        }

        return ExitCodes.Ok;
    }
}

/// <summary><c>syndication diff [RUN] [RUN]</c>: what changed between two runs (default: the two latest complete ones).</summary>
public static class DiffCommand
{
    public static Command Build(CliContext context)
    {
        var words = new Argument<string[]>("ARGS")
        {
            Description = "[PARTNERS_FILE] [RUN [RUN]]: the partner list whose history to read (or give --history), then two run ids (older first); default the last two complete runs.",
            HelpName = "[PARTNERS_FILE] [RUN [RUN]]",
            Arity = new ArgumentArity(0, 3),
        };
        var history = HistoryLocation.Option();
        var format = new Option<string>("--format") { Description = "text (default) or json (one object: the two runs, the counts, every change).", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        var command = new Command("diff", "Compare two runs: new violations, fixed ones, and other verdict changes.") { words, history, format };
        command.SetAction(result =>
        {
            var json = result.GetValue(format)!.ToLowerInvariant() switch
            {
                "text" => false,
                "json" => true,
                var other => throw new UsageException($"unknown --format '{other}' for diff; valid: text, json"),
            };
            var (list, runs) = HistoryLocation.SplitRuns(result.GetValue(words) ?? []);
            return HistoryOptions.Read(HistoryLocation.Find(result.GetValue(history), list, "diff"), store => Diff(context, store, runs, json));
        });
        return command;
    }

    private static int Diff(CliContext context, HistoryStore store, long[] ids, bool json)
    {
        long before, after;
        if (ids.Length == 2)
        {
            (before, after) = (ids[0], ids[1]);
        }
        else if (ids.Length == 1)
        {
            after = ids[0];
            before = store.CompleteRuns(1, before: after, whole: true) is [var earlier] ? earlier.Id
                : throw new UsageException($"{store.Path} has no complete run before run {after} to compare it with");
        }
        else
        {
            var complete = store.CompleteRuns(2, whole: true);
            (before, after) = complete.Count == 2 ? (complete[1].Id, complete[0].Id)
                : throw new UsageException($"diff needs two runs; {store.Path} has {complete.Count} complete run(s)");
        }

        var lines = RunDiff.Compare(store, before, after);
        if (json)
        {
            DiffJson.Write(context.Stdout, store.Run(before), store.Run(after), lines);
            return ExitCodes.Ok;
        }

        context.Stdout.WriteLine($"run {before} -> run {after}: {lines.Count(l => l.Kind == RunDiff.New)} new, {lines.Count(l => l.Kind == RunDiff.Fixed)} fixed, {lines.Count(l => l.Kind == RunDiff.Changed)} other change(s)");
        foreach (var line in lines)
        {
            context.Stdout.WriteLine($"  {line.Kind,-8} {TerminalText.Safe(line.Url)}{(line.Partner is null ? string.Empty : $" ({TerminalText.Safe(line.Partner)})")}: {line.Before ?? "-"} -> {line.After ?? "-"}{(line.Failed.Length > 0 ? "  fails: " + line.Failed : string.Empty)}");
        }

        return ExitCodes.Ok;
    }
}

/// <summary><c>syndication report --run ID</c>: render a past run again, in any format, without fetching anything.</summary>
public static class ReportCommand
{
    public static Command Build(CliContext context)
    {
        var list = HistoryLocation.ListArgument();
        var run = new Option<long?>("--run") { Description = "The run to render (see 'syndication runs'); default the latest.", HelpName = "ID" };
        var history = HistoryLocation.Option();
        var report = new ReportOptionSet();
        var command = new Command("report", "Render a past run's report again from the history, without fetching.") { list, run, history };
        foreach (var option in report.All)
        {
            command.Add(option);
        }

        command.SetAction(result => HistoryOptions.Read(HistoryLocation.Find(result.GetValue(history), result.GetValue(list), "report"), store =>
        {
            var reports = report.Plan(result);
            var log = report.Log(result, context.Stderr);
            var latest = store.Runs(1);
            var id = result.GetValue(run) ?? (latest.Count > 0 ? latest[0].Id : throw new UsageException($"{store.Path} has no runs"));
            var summary = store.Summary(id) with { Screenshots = store.ScreenshotBytes };
            return ReportOutput.Write(summary, reports, context.Stdout, context.Stderr, log).Count > 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }));
        return command;
    }
}

/// <summary><c>syndication evidence URL</c>: what the tool fetched for a non-compliant page, to settle a dispute.</summary>
public static class EvidenceCommand
{
    public static Command Build(CliContext context)
    {
        var words = HistoryLocation.ListAnd("URL", "the page (its URL or path, or part of it).");
        var run = new Option<long?>("--run") { Description = "The run; default the latest that archived the page.", HelpName = "ID" };
        var history = HistoryLocation.Option();
        var output = new Option<string?>("--output") { Description = "Write the fetched bytes to this file.", HelpName = "FILE" };
        var screenshots = new Option<string?>("--screenshots") { Description = "Write the page's screenshots (rendered pages) to this folder, each named by its SHA-256.", HelpName = "DIR" };
        var command = new Command("evidence", "Show the archived fetch of a non-compliant page (time, SHA-256, headers) and its screenshots, and write them out.") { words, run, history, output, screenshots };
        command.SetAction(result =>
        {
            var (list, url) = HistoryLocation.Split(result.GetValue(words)!, result.GetValue(history), "evidence", "URL");
            return HistoryOptions.Read(HistoryLocation.Find(result.GetValue(history), list, "evidence"), store => Show(context, store, url, result.GetValue(run), result.GetValue(output), result.GetValue(screenshots)));
        });
        return command;
    }

    private static int Show(CliContext context, HistoryStore store, string url, long? run, string? output, string? screenshots)
    {
        var pages = store.EvidencePages(url);
        if (pages.Count > 1 && !pages.Contains(url))
        {
            context.Stderr.WriteLine($"syndication: \"{TerminalText.Safe(url)}\" matches {pages.Count} pages with evidence; give more of the address: {string.Join(", ", pages.Take(5).Select(TerminalText.Safe))}");
            return ExitCodes.Usage;
        }

        var evidence = store.Evidence(url, run);
        if (evidence is null)
        {
            // A needs-review page that was rendered keeps its screenshots, not its bytes.
            var shotsOnly = store.Screenshots(url, run);
            if (shotsOnly.Count > 0)
            {
                context.Stdout.WriteLine($"page:       {TerminalText.Safe(shotsOnly[0].Url)} (no archived fetch: kept for non-compliant pages)");
                WriteScreenshots(context.Stdout, shotsOnly, screenshots);
                return ExitCodes.Ok;
            }

            context.Stderr.WriteLine($"syndication: no archived fetch for \"{TerminalText.Safe(url)}\" (evidence is kept for non-compliant pages)");
            return ExitCodes.Usage;
        }

        var o = context.Stdout;
        o.WriteLine($"page:       {TerminalText.Safe(evidence.Url)}");
        o.WriteLine($"partner:    {TerminalText.Safe(evidence.Partner ?? "-")}");
        o.WriteLine($"run:        {evidence.RunId}");
        o.WriteLine($"fetched at: {ReportFormatting.Date(evidence.FetchedAt)}");
        if (evidence.LastRun > evidence.FirstRun)
        {
            o.WriteLine($"same bytes: last fetched at {ReportFormatting.Date(evidence.LastFetchedAt)} (runs {evidence.FirstRun} to {evidence.LastRun})");
        }

        o.WriteLine($"final URL:  {TerminalText.Safe(evidence.FinalUrl ?? "-")}");
        o.WriteLine($"sha256:     {evidence.Sha256}");
        o.WriteLine($"bytes:      {evidence.Body.Length.ToString(CultureInfo.InvariantCulture)}");
        foreach (var (name, value) in evidence.Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase))
        {
            o.WriteLine($"header:     {TerminalText.Safe(name)}: {TerminalText.Safe(value)}");
        }

        if (output is { } file)
        {
            AtomicFile.Write(file, stream => stream.Write(evidence.Body));
            o.WriteLine($"written to: {file}");
        }

        // The screenshots of the same run, when the page was rendered.
        WriteScreenshots(o, store.Screenshots(evidence.Url, evidence.RunId), screenshots);
        return ExitCodes.Ok;
    }

    private static void WriteScreenshots(TextWriter o, IReadOnlyList<ScreenshotRecord> shots, string? folder)
    {
        foreach (var shot in shots)
        {
            o.WriteLine($"screenshot: {shot.Name}, {shot.Width}×{shot.Height} px, sha256 {shot.Sha256}, {shot.Png.Length.ToString(CultureInfo.InvariantCulture)} bytes");
            foreach (var outlined in shot.Outlined)
            {
                o.WriteLine($"  outlined: {TerminalText.Safe(outlined)}");
            }

            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{shot.Name}-{shot.Sha256}.png");
                AtomicFile.Write(path, stream => stream.Write(shot.Png));
                o.WriteLine($"  written to: {path}");
            }
        }
    }
}
