using System.CommandLine;
using Serilog;
using Syndication.Catalogue;
using Syndication.Discovery;
using Syndication.History;
using Syndication.Originals;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Profiles;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>syndication audit PARTNERS_FILE</c>: the nightly job. Checks every page of every partner with the same engine
/// as check, through the hardened fetcher, applies waivers, compares with the last complete run in the history,
/// writes the reports and ends with a per-partner table.
/// </summary>
public static class AuditCommand
{
    public static Command Build(CliContext context)
    {
        var partners = new Argument<string>("PARTNERS_FILE") { Description = "The partner list: YAML (.yaml) or CSV (.csv)." };
        var originals = SharedOptions.Originals();
        var profile = SharedOptions.Profile();
        var catalogue = CatalogueOptions.Catalogue("the list's settings.catalogue, else PARTNERS.catalogue.db beside the list");
        var report = new ReportOptionSet();
        var budget = new Option<double?>("--budget") { Description = "Minutes the whole run may take; pages not done by then are reported as not checked (kind budget).", HelpName = "MINUTES" };
        var shard = new Option<string?>("--shard") { Description = "Check only slice K of N of the list, cut by host (K/N, e.g. 2/3); combine the slices with 'syndication merge'.", HelpName = "K/N" };
        var noDiscovery = new Option<bool>("--no-discovery") { Description = "Do not search the partners' and watched sites for pages: check the pages listed and those found on earlier nights." };
        var partnerFilter = new Option<string[]>("--partner") { Description = "Audit only this partner (repeatable; its name as in the list, case ignored). Watched sites are not searched.", HelpName = "NAME" };
        var pageFilter = new Option<string[]>("--page") { Description = "Audit only the listed pages this glob matches, as the list writes them (repeatable; * any characters, ? one). No site is searched.", HelpName = "GLOB" };
        var fetch = new FetchOptionSet();
        var history = new HistoryOptions();
        var command = new Command("audit", "Audit a whole partner list: every partner's pages, politely, with history, reports and a per-partner summary.")
        {
            partners, originals, profile, catalogue,
        };
        foreach (var option in report.All.Append(budget).Append(shard).Append(noDiscovery).Append(partnerFilter).Append(pageFilter).Concat(fetch.All).Concat(history.All))
        {
            command.Add(option);
        }

        command.SetAction(async (result, _) =>
        {
            var whole = PartnerListReader.Read(result.GetValue(partners)!);
            var onlyPartners = result.GetValue(partnerFilter) ?? [];
            var onlyPages = result.GetValue(pageFilter) ?? [];
            var list = ListFilter.Apply(whole, onlyPartners, onlyPages);
            var scope = ReferenceEquals(list, whole) ? null : HistoryScope.Part + ListFilter.Describe(onlyPartners, onlyPages);
            var settings = list.Settings;
            var reports = report.Plan(result, settings);
            var log = report.Log(result, context.Stderr);
            WarnDuplicates(list, log);
            ListProblems.Warn(list, log);
            var minutes = result.GetValue(budget) ?? settings.BudgetMinutes;
            if (minutes is <= 0)
            {
                throw new UsageException($"--budget must be greater than 0 (got {minutes})");
            }

            var slice = ParseShard(result.GetValue(shard));
            if (slice is not null && scope is not null)
            {
                throw new UsageException("--shard cannot be combined with --partner or --page: a shard is a slice of the whole list, for merge");
            }

            // A shard cannot tell what is new (the merge compares with the history): under --fail-on new it leaves
            // violations to the merge's exit code, so a CI matrix runs every shard through to the merge.
            var failOn = history.FailOnFrom(result) is var policy && slice is not null && policy == FailOn.New ? FailOn.Never : policy;
            var confirmAfter = history.ConfirmAfterFrom(result);
            var keepDays = history.KeepDaysFrom(result);
            var (targets, positions) = AuditTargets.Of(list, slice);
            var folder = Path.GetDirectoryName(Path.GetFullPath(list.Source)) ?? ".";
            var time = context.Time;
            var started = time.GetUtcNow();

            // Every option is checked before the history is touched: a typo must not leave a run marked running.
            var fetchOptions = fetch.Build(result, settings, defaultCache: Path.Combine(folder, ".syndication", "cache"));
            var concurrency = fetch.ConcurrencyFrom(result, settings);
            var render = fetch.RenderFrom(result, settings, fetchOptions, targets);

            // Reading a list allocates far more than it keeps (YamlDotNet's node tree: some 200 MB for 100,000 pages, of
            // which 14 MB stay): let it go before the night's pages are in flight, so the run does not carry a heap
            // grown for the reading (README "Memory, 10,000 against 100,000 pages").
            LetGo();
            RunPhase.Reached(RunPhase.ListRead);
            using var store = result.GetValue(history.NoHistory) ? null : HistoryOptions.Open(HistoryPath(result.GetValue(history.History), settings.History, list.Source, slice), create: true, writer: true);
            if (store is not null)
            {
                WarnAbandoned(store.MarkAbandonedRuns(time), log);
                if (store.RekeyFilePages(list.Folder) is > 0 and var rekeyed)
                {
                    log.Information("{Count} file page(s) of the history are now keyed relative to {Folder}, as the list writes them", rekeyed, list.Folder);
                }
            }

            var runId = store?.BeginRun(started, list.Source, slice?.ToString() ?? scope);
            using var recorder = store is null ? null : new HistoryRecorder(store, runId!.Value, started, confirmAfter, trackChanges: slice is null, time);
            var stages = new List<IResultStage> { new WaiverStage(list.Waivers, time) };
            if (recorder is not null)
            {
                stages.Add(recorder);
            }

            // Discovery keeps its ledger in the history; without one, every night searches afresh. A shard reads what
            // earlier nights learnt from the main history (when it is at hand) and writes tonight's to its own file.
            using var main = slice is not null && list.SiteCount > 0 && store is not null ? OpenMain(settings.History, list.Source, store.Path) : null;
            IDiscoveryLedger? ledger = store is null ? new MemoryLedger() : new HistoryLedger(store);
            if (main is not null)
            {
                ledger = new ShardLedger(new HistoryLedger(main), ledger);
            }

            var discovery = list.SiteCount == 0 ? null : new AuditDiscovery(list, slice, ledger, time, log)
            {
                Search = !result.GetValue(noDiscovery),
            };
            // A partner or a page may name another licensor's profile: its pages are judged by that licence, against
            // that licensor's originals (those its partners list, and what the catalogue holds for it).
            var runProfile = result.GetValue(profile) ?? settings.Profile;
            var (runOriginals, others, planned) = AuditLicensors.Plan(list, runProfile, result.GetValue(originals) is { Length: > 0 } given ? given : settings.Originals, targets);
            targets = planned;
            var job = new RunJob
            {
                Discovery = discovery,
                ScratchBeside = store?.Path,
                Profile = runProfile,
                Originals = runOriginals,
                Others = others,
                Catalogue = CatalogueOptions.PathFor(result.GetValue(catalogue), list),
                RequireOriginals = true,
                Fetch = fetchOptions,
                Resources = fetch.Resources(result),
                Render = render,
                Concurrency = concurrency,
                Budget = minutes is { } m ? TimeSpan.FromMinutes(m) : null,
                Targets = targets,
                Positions = positions,
                Stages = stages,
            };
            log.Information(
                "Auditing {Pages} page(s) of {Partners} partner(s) from {List}{Sites}{Shard}{History}",
                targets.Count,
                list.Partners.Count,
                list.Source,
                discovery is { Search: true, Sites.Count: > 0 } ? $", and discovering pages on {discovery.Sites.Count} site(s)" : string.Empty,
                slice is not null ? $", shard {slice}" : scope is not null ? $", only those {ListFilter.Describe(onlyPartners, onlyPages)}" : string.Empty,
                store is null ? string.Empty : $"; history {store.Path}");
            var progress = new RunProgress(log, RunProgress.IsInteractive(context.Stderr), time);
            RunSummary summary;
            try
            {
                summary = await progress.RunAsync(observer => job.RunAsync(log, observer, time, context.Stop));
            }
            catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
            {
                // Stopped while the originals were loading: no page was checked, and the reports and history say so.
                summary = AuditRun.Stopped(targets, new AuditRun.Options { Stages = stages, Positions = positions }, started, time, log);
            }
            catch (Exception e) when (store is not null && e is ProfileException or OriginalsException or CatalogueException or RunFolderException)
            {
                // The profile or the originals could not be loaded, or the run's own folder could not be written (a full
                // disk): the run ends incomplete now rather than staying "running" until the next audit calls it killed.
                store.MarkAbandonedRuns(time);
                throw;
            }
            catch (Exception e) when (store is not null && (e is HistoryException || HistoryErrors.IsHistoryFailure(e)))
            {
                // The history could not be written (a full disk, a damaged page): the failed batch was rolled back and
                // no state was applied. The run is marked incomplete if the file still takes that much, else the next
                // audit does it; either way the next run compares with the last complete one.
                try
                {
                    store.MarkAbandonedRuns(time);
                }
                catch (HistoryException)
                {
                    // Still unwritable: left for the next audit.
                }

                throw store.Named(e);
            }

            // The run began when the command did (loading the originals is part of it): the reports, the history's
            // run and the since of its new findings all say the same time.
            summary = summary with { StartedAt = started };
            using (summary.Spool)
            {
                // A partner's page that republishes no original is not a silent pass: each says so, and so does the log.
                if (summary.Gists.Count(g => g.Verdict == Verdicts.PageVerdict.NotApplicable && g.Partner is not null) is > 0 and var unmatched)
                {
                    log.Warning("{Count} partner page(s) republish no original in the catalogue: is the list out of date, or is the catalogue missing their originals? (each page's note says why)", unmatched);
                }

                // The pages' garbage goes before the history's end and the reports begin theirs.
                LetGo();
                RunPhase.Reached(RunPhase.PagesDone);
                var interrupted = context.Stop.IsCancellationRequested;
                var status = summary.Complete ? HistoryStore.Checked : interrupted ? HistoryStore.Interrupted : HistoryStore.Incomplete;
                if (store is not null)
                {
                    recorder!.Flush();
                    discovery?.Save();
                    store.EndRun(runId!.Value, summary, status);
                    summary = summary with { RunId = runId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                    RunPhase.Reached(RunPhase.HistoryCommitted);
                }

                // A run is complete only with its reports: until they are all written, the next run compares with the
                // run before this one, so what is new tonight is new again tomorrow if tonight's reports are lost.
                var unwritten = RunJob.WriteReports(context, log, summary, reports);
                RunPhase.Reached(RunPhase.ReportsWritten);
                if (store is not null && status == HistoryStore.Checked)
                {
                    Complete(store, runId!.Value, unwritten.Count == 0, prune: slice is null, time, keepDays, log);
                }

                // The console report already ends with the partner table; otherwise it goes to stderr for the person watching.
                var code = RunJob.End(context, log, summary, reports, unwritten, interrupted, () => ExitCodes.For(summary, failOn), partnerTable: true);
                return ListProblems.ExitCode(list, code, log);
            }
        });
        return command;
    }

    /// <summary>
    /// Ends a checked run once its reports are written: complete (the state the next run compares with) when every
    /// report was written, else unreported, which no run compares with and <c>report --run</c> can render again.
    /// </summary>
    internal static void Complete(HistoryStore store, long runId, bool reported, bool prune, TimeProvider time, HistoryOptions.Retention keepDays, ILogger log)
    {
        if (!reported)
        {
            store.MarkUnreported(runId);
            log.Error(
                "Run {Run} is recorded but not complete: not every report was written. The next audit compares with the last complete run; 'syndication report --run {Run}' writes its reports",
                runId, runId);
            return;
        }

        store.CompleteRun(runId);
        if (prune)
        {
            Prune(store, time, keepDays, log);
        }
    }

    /// <summary>A full, compacting collection that gives the freed memory back to the system (between the run's phases).</summary>
    private static void LetGo() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Says what the last writer left unfinished (a killed process): neither kind of run is ever compared with.</summary>
    internal static void WarnAbandoned(AbandonedRuns abandoned, ILogger log)
    {
        if (abandoned.Incomplete > 0)
        {
            log.Warning("{Count} earlier run(s) never finished (killed?); they are marked incomplete", abandoned.Incomplete);
        }

        foreach (var run in abandoned.Unreported)
        {
            log.Warning(
                "Run {Run} checked every page but never finished its reports (killed?); it is marked unreported and not compared with: what was new in it is new in this run. 'syndication report --run {Run}' writes its reports",
                run, run);
        }
    }

    /// <summary>Names the pages the list has twice (both entries of the first ten, then how many more): each is checked once.</summary>
    private static void WarnDuplicates(PartnerList list, ILogger log)
    {
        const int Named = 10;
        foreach (var duplicate in list.Duplicates.Take(Named))
        {
            log.Warning("{Duplicate}", duplicate.Describe(list.Source));
        }

        if (list.Duplicates.Count > Named)
        {
            log.Warning("{Count} more entries of {List} repeat a page listed before them; each page is checked once, for its first entry", list.Duplicates.Count - Named, list.Source);
        }
    }

    /// <summary>The history's upkeep after a complete run: archived fetches past their retention, runs past theirs.</summary>
    internal static void Prune(HistoryStore store, TimeProvider time, HistoryOptions.Retention keep, ILogger log)
    {
        var dropped = store.PruneEvidence(time.GetUtcNow() - TimeSpan.FromDays(keep.EvidenceDays));
        if (dropped > 0)
        {
            log.Information("Dropped {Count} archived fetch(es) older than {Days} days (evidence of open findings is kept)", dropped, keep.EvidenceDays);
        }

        var compacted = store.CompactRuns(time.GetUtcNow() - TimeSpan.FromDays(keep.HistoryDays));
        if (compacted > 0)
        {
            log.Information("Compacted {Count} run(s) older than {Days} days: they keep their counts, each page its latest state", compacted, keep.HistoryDays);
        }
    }

    /// <summary>
    /// --history as given; else the list's history setting, or PARTNERS.history.db beside the list. A shard never
    /// writes into the main history (merge does): it gets its own file beside it, NAME.shard-K-of-N.db.
    /// </summary>
    private static string HistoryPath(string? given, string? configured, string list, Shard? slice) =>
        given ?? (configured is null ? HistoryOptions.DefaultPath(list, slice) : slice is null ? configured : HistoryOptions.DefaultPath(configured, slice));

    /// <summary>The main history of a shard's list, to read discovery's ledger from (read only); null when there is none yet.</summary>
    private static HistoryStore? OpenMain(string? configured, string list, string shardFile)
    {
        var path = configured ?? HistoryOptions.DefaultPath(list, null);
        return File.Exists(path) && Path.GetFullPath(path) != Path.GetFullPath(shardFile) ? HistoryOptions.Open(path, create: false) : null;
    }

    private static Shard? ParseShard(string? text)
    {
        try
        {
            return text is null ? null : Shard.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
