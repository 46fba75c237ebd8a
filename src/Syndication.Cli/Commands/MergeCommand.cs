using System.CommandLine;
using Syndication.History;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>syndication merge SHARD...</c>: combines the results of an audit run in N shards (each on its own machine)
/// into one run of the main history, with one set of reports, exactly as if the list had been audited whole.
/// </summary>
public static class MergeCommand
{
    public static Command Build(CliContext context)
    {
        var shards = new Argument<string[]>("SHARD") { Description = "The shard history files written by 'audit --shard K/N' (one per shard).", Arity = ArgumentArity.OneOrMore };
        var history = HistoryOptions.HistoryFile(required: true);
        var report = new ReportOptionSet();
        var options = new HistoryOptions();
        var command = new Command("merge", "Merge the shard results of one audit into a single run of the history, and write its reports.") { shards, history };
        foreach (var option in report.All.Concat([options.FailOn, options.ConfirmAfter, options.KeepEvidenceDays, options.KeepHistoryDays]))
        {
            command.Add(option);
        }

        command.SetAction(result =>
        {
            var reports = report.Plan(result);
            var log = report.Log(result, context.Stderr);

            // Every option is read before anything is written: a typo found after the merged run was recorded would
            // leave a run that a second merge of the same night then compares with, turning new findings into old.
            var confirmAfter = options.ConfirmAfterFrom(result);
            var keepDays = options.KeepDaysFrom(result);
            var failOn = options.FailOnFrom(result);
            var inputs = new List<HistoryStore>();
            try
            {
                foreach (var path in result.GetValue(shards) ?? [])
                {
                    inputs.Add(HistoryOptions.Open(path, create: false));
                }

                var runs = inputs.Select(store => (Store: store, Run: Latest(store))).ToList();
                var complete = CheckShards(runs.Select(r => (r.Store.Path, r.Run)).ToList());
                using var main = HistoryOptions.Open(result.GetValue(history)!, create: true, writer: true);
                AuditCommand.WarnAbandoned(main.MarkAbandonedRuns(context.Time), log);
                var started = runs.Min(r => r.Run.StartedAt);
                var finished = runs.Max(r => r.Run.FinishedAt ?? r.Run.StartedAt);
                if (MergedBefore(main, runs[0].Run.Source, started, finished) is { } earlier)
                {
                    // The same shards merged again (a CI job re-run): no second run, which would make tonight's new
                    // findings old; the first merge's reports are written again and it decides the exit code.
                    log.Warning("These shards were merged already, as run {Run} of {History}: no second run is recorded; its reports are written again", earlier.Id, main.Path);
                    var again = main.Summary(earlier.Id) with { Screenshots = main.ScreenshotBytes };
                    var notWritten = RunJob.WriteReports(context, log, again, reports);
                    return RunJob.End(context, log, again, reports, notWritten, interrupted: false, () => ExitCodes.For(again, failOn), partnerTable: true);
                }

                var runId = main.BeginRun(started, runs[0].Run.Source, shard: null);
                var gists = new List<PageGist>();
                using (var recorder = new HistoryRecorder(main, runId, started, confirmAfter))
                {
                    // The shards applied their waivers when they recorded; only a non-compliant page has archived evidence.
                    foreach (var (store, run, page) in InListOrder(runs))
                    {
                        var position = page.Position!.Value;
                        var evidence = page.Verdict == PageVerdict.NonCompliant ? store.ArchivedAt(run.Id, position) : null;
                        gists.Add(PageGist.Of(recorder.Process(position, page, evidence)));
                    }
                }

                // Discovery: each shard searched the sites of its hosts; its ledger joins the main one, its account the run's.
                var ledger = new HistoryLedger(main);
                var found = runs.Select(r => r.Store.DiscoveryOf(r.Run.Id)).ToList();
                foreach (var input in inputs)
                {
                    ledger.Import(input.Path);
                }

                // The gists kept while merging decide the exit code: no stored result is unpacked again for it.
                var summary = main.Summary(runId) with
                {
                    FinishedAt = finished,
                    Complete = complete,
                    Gists = gists,
                    Discovery = [.. found.SelectMany(f => f.Sites)],
                    Unlicensed = [.. found.SelectMany(f => f.Unlicensed)],
                };
                main.EndRun(runId, summary, complete ? HistoryStore.Checked : HistoryStore.Incomplete);
                log.Information("Merged {Shards} shard(s) into run {Run} of {History}: {Pages} page(s)", runs.Count, runId, main.Path, summary.Counts.Pages);
                RunPhase.Reached(RunPhase.HistoryCommitted);

                // As for an audit: the merged run is what the next one compares with only once its reports are written.
                var unwritten = RunJob.WriteReports(context, log, summary, reports);
                RunPhase.Reached(RunPhase.ReportsWritten);
                if (complete)
                {
                    AuditCommand.Complete(main, runId, unwritten.Count == 0, prune: true, context.Time, keepDays, log);
                }

                return RunJob.End(context, log, summary, reports, unwritten, interrupted: false, () => ExitCodes.For(summary, failOn), partnerTable: true);
            }
            finally
            {
                inputs.ForEach(store => store.Dispose());
            }
        });
        return command;
    }

    /// <summary>
    /// The shards' pages in list order. Each shard's come out ordered by position, so the next page is the smallest
    /// of the shards' heads: one page per shard is held, not the whole list.
    /// </summary>
    private static IEnumerable<(HistoryStore Store, RunRecord Run, PageResult Page)> InListOrder(IEnumerable<(HistoryStore Store, RunRecord Run)> runs)
    {
        var readers = new List<IEnumerator<PageResult>>();
        try
        {
            var heads = new PriorityQueue<(HistoryStore Store, RunRecord Run, IEnumerator<PageResult> Pages), int>();
            foreach (var (store, run) in runs)
            {
                var pages = store.Pages(run.Id).GetEnumerator();
                readers.Add(pages);
                if (pages.MoveNext())
                {
                    heads.Enqueue((store, run, pages), pages.Current.Position!.Value);
                }
            }

            while (heads.TryDequeue(out var head, out _))
            {
                yield return (head.Store, head.Run, head.Pages.Current);
                if (head.Pages.MoveNext())
                {
                    heads.Enqueue(head, head.Pages.Current.Position!.Value);
                }
            }
        }
        finally
        {
            readers.ForEach(pages => pages.Dispose());
        }
    }

    /// <summary>
    /// The run an earlier merge of these same shard runs recorded: same list, first start and last finish (a shard run's
    /// times are its own), and every page recorded. A merge killed half-way recorded no such run and is merged again.
    /// </summary>
    private static RunRecord? MergedBefore(HistoryStore main, string? source, DateTimeOffset started, DateTimeOffset finished) =>
        main.Runs(100).FirstOrDefault(r => r.Shard is null && r.Source == source && r.StartedAt == started && r.FinishedAt == finished && HistoryStore.CheckedEveryPage(r.Status));

    private static RunRecord Latest(HistoryStore store)
    {
        var runs = store.Runs(1);
        return runs.Count > 0 ? runs[0] : throw new UsageException($"{store.Path} has no run to merge");
    }

    /// <summary>
    /// How far apart the shards of one audit may start. Shards run side by side, or one again later the same day;
    /// a shard file left from an earlier night would mix two nights' pages into one run.
    /// </summary>
    private static readonly TimeSpan OneNight = TimeSpan.FromHours(20);

    /// <summary>Every shard of one split, of one night, must be there exactly once; returns whether all of them finished their run.</summary>
    private static bool CheckShards(List<(string Path, RunRecord Run)> runs)
    {
        var shards = runs.Select(r => (r.Path, Shard: r.Run.Shard is { } text && !HistoryScope.IsPart(text) ? Shard.Parse(text) : throw new UsageException($"{r.Path}: its last run is not a shard run (audit --shard K/N)"))).ToList();
        var sources = runs.Select(r => r.Run.Source).Distinct(StringComparer.Ordinal).ToList();
        if (sources.Count > 1)
        {
            throw new UsageException($"the shard files come from different partner lists: {string.Join(", ", sources)}");
        }

        var count = shards[0].Shard.Count;
        if (shards.Any(s => s.Shard.Count != count))
        {
            throw new UsageException($"the shard files come from different splits: {string.Join(", ", shards.Select(s => $"{s.Path} is {s.Shard}"))}");
        }

        var first = runs.MinBy(r => r.Run.StartedAt);
        var last = runs.MaxBy(r => r.Run.StartedAt);
        if (last.Run.StartedAt - first.Run.StartedAt > OneNight)
        {
            throw new UsageException(
                $"the shard runs started {(last.Run.StartedAt - first.Run.StartedAt).TotalHours:0} h apart ({first.Path} at {first.Run.StartedAt:yyyy-MM-dd HH:mm}Z, {last.Path} at {last.Run.StartedAt:yyyy-MM-dd HH:mm}Z): "
                + "they are not one night's audit; run the old shard again");
        }

        var missing = Enumerable.Range(1, count).Where(k => shards.All(s => s.Shard.Index != k)).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"missing shard(s) {string.Join(", ", missing.Select(k => $"{k}/{count}"))}");
        }

        var twice = shards.GroupBy(s => s.Shard.Index).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new UsageException($"shard {twice.Key}/{count} is given twice: {string.Join(", ", twice.Select(s => s.Path))}");
        }

        // A shard killed while writing its own reports has still checked and recorded every page.
        return runs.All(r => HistoryStore.CheckedEveryPage(r.Run.Status));
    }
}
