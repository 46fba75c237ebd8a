using Serilog;
using Syndication.Discovery;
using Syndication.Fetching;
using Syndication.Pipeline;
using Syndication.Rendering;
using Syndication.Reporting;
using Syndication.Resources;

namespace Syndication.Cli.Commands;

/// <summary>What check and audit share once their options are read: build the engine, run the pages, write the reports.</summary>
public sealed record RunJob
{
    public required string? Profile { get; init; }

    public required IReadOnlyList<string> Originals { get; init; }

    public IReadOnlyList<string> Reporters { get; init; } = [];

    /// <summary>The run's other licensors (a partner list's <c>profile:</c> per partner or page), each with its originals.</summary>
    public IReadOnlyList<OtherLicensor> Others { get; init; } = [];

    /// <summary>The catalogue file: originals read now are added to it, pages are matched against all it holds. Null: none.</summary>
    public string? Catalogue { get; init; }

    /// <summary>An audit: no original at all is a configuration error (exit 3), not a run of not-applicable pages.</summary>
    public bool RequireOriginals { get; init; }

    public required FetchOptions Fetch { get; init; }

    public required int Concurrency { get; init; }

    /// <summary>What the checks may have fetched besides the pages (images), and how many per page.</summary>
    public ResourceOptions Resources { get; init; } = ResourceOptions.Default;

    /// <summary>When pages are rendered in the browser, and what a render may cost.</summary>
    public RenderOptions Render { get; init; } = RenderOptions.Default;

    public TimeSpan? Budget { get; init; }

    public required IReadOnlyList<PageTarget> Targets { get; init; }

    /// <summary>Steps each result passes through before it is kept (waivers, history).</summary>
    public IReadOnlyList<IResultStage> Stages { get; init; } = [];

    /// <summary>The targets' positions in the whole list (a shard's pages keep their global order).</summary>
    public IReadOnlyList<int>? Positions { get; init; }

    /// <summary>An audit's discovery: searched once the catalogue is loaded, its pages added to <see cref="Targets"/>.</summary>
    public AuditDiscovery? Discovery { get; init; }

    /// <summary>The history file, beside which the run keeps its spool and screenshots while it lasts; null: the temporary folder.</summary>
    public string? ScratchBeside { get; init; }

    public async Task<RunSummary> RunAsync(ILogger log, IRunObserver observer, TimeProvider time, CancellationToken stop)
    {
        var started = time.GetTimestamp();

        // The run's folder first: documents the fetcher spools to disk (sitemaps, feeds) are kept in it too.
        var scratch = RunScratch.Create(ScratchBeside);
        if (scratch.Removed > 0)
        {
            log.Information("Removed {Count} folder(s) that killed runs left in {Folder}", scratch.Removed, Path.GetDirectoryName(scratch.Path));
        }

        try
        {
            var summary = await RunAsync(scratch, started, log, observer, time, stop);
            return summary with { Spool = new Released(summary.Spool, scratch) };
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    private async Task<RunSummary> RunAsync(RunScratch scratch, long started, ILogger log, IRunObserver observer, TimeProvider time, CancellationToken stop)
    {
        using var fetcher = Engine.CreateFetcher(Fetch with { SpoolDirectory = scratch.Path }, time);
        using var catalogue = Catalogue is null ? null : CatalogueOptions.Open(Catalogue, create: true);
        var settings = await Engine.SettingsAsync(Profile, Originals, Reporters, fetcher, log, stop, catalogue, RequireOriginals, time);
        var (targets, positions) = (Targets, Positions);
        if (Discovery is { Sites.Count: > 0 } discovery)
        {
            // The search is part of the night: it counts against the budget, and a search the budget cuts short leaves
            // the night to the pages already known (listed, and found on earlier nights).
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(stop);
            if (Budget is { } limit)
            {
                budget.CancelAfter(limit);
            }

            try
            {
                (targets, positions) = await discovery.PlanAsync(fetcher, settings.Catalogue, Concurrency, budget.Token);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                log.Warning("Discovery did not finish within the run's budget: tonight checks only the pages already known");
                (targets, positions) = await discovery.PlanAsync(fetcher, settings.Catalogue, Concurrency, stop, search: false);
            }
        }

        // Pages discovery brought name their partner's licensor as the list writes it: as the plan does, now.
        // (A partner list's pages stay a TargetList: built when read, not held.)
        if (targets is TargetList listed)
        {
            targets = listed.Select(t => AuditLicensors.Assign(t, Profile, Others));
        }
        else
        {
            targets = [.. targets.Select(t => AuditLicensors.Assign(t, Profile, Others))];
        }

        // One browser for the run, started at the first page that is rendered; none when no page can be.
        await using var render = Render.Off ? null : new RenderStage(fetcher, Render, log);
        var screenshots = new ScreenshotStore(Path.Combine(scratch.Path, "screenshots"));
        var others = new Dictionary<string, PageEvaluator>(StringComparer.Ordinal);
        foreach (var other in Others)
        {
            try
            {
                others[other.Profile] = new PageEvaluator(await Engine.SettingsAsync(other.Profile, other.Originals, Reporters, fetcher, log, stop, catalogue, RequireOriginals, time));
            }
            catch (Catalogue.CatalogueException e) when (other.Originals.Count == 0)
            {
                throw new Catalogue.CatalogueException($"the profile {other.Profile}, which the list names for a partner or a page: {e.Message} (a partner names its licensor's with originals:)", e);
            }
        }

        var checker = new PageChecker(fetcher, new PageEvaluator(settings), log, Resources) { JudgingTime = Fetch.Timeout, Render = render, Licensors = others };
        var run = new AuditRun(checker, time, log);
        var options = new AuditRun.Options(Concurrency, Fetch.PerHost, Budget, SpoolDirectory: scratch.Path)
        {
            BudgetLeft = Budget - time.GetElapsedTime(started),
            Stages = [screenshots, .. Stages],
            Positions = positions,
            Gate = Discovery?.Night?.Gate,
        };
        var summary = await run.RunAsync(targets, options, observer, stop);
        summary = Discovery?.Complete(summary) ?? summary;
        return summary with { Screenshots = screenshots.Find, Spool = new Released(summary.Spool, screenshots) };
    }

    /// <summary>Turns page arguments into targets; a bad one becomes an error page at its place, not a usage error.</summary>
    public static List<PageTarget> TargetsFrom(IEnumerable<string> arguments) => arguments.Select(a => AuditTargets.TargetFrom(a)).ToList();

    /// <summary>
    /// How check ends: write the reports, then <see cref="End"/>.
    /// </summary>
    public static int Finish(CliContext context, ILogger log, RunSummary summary, IReadOnlyList<ReportTarget> reports, bool interrupted, Func<int> verdictCode) =>
        End(context, log, summary, reports, WriteReports(context, log, summary, reports), interrupted, verdictCode);

    /// <summary>Writes every report (one that fails does not stop the others); returns the ones not written.</summary>
    public static IReadOnlyList<ReportTarget> WriteReports(CliContext context, ILogger log, RunSummary summary, IReadOnlyList<ReportTarget> reports) =>
        ReportOutput.Write(summary, reports, context.Stdout, context.Stderr, log);

    /// <summary>
    /// How check, audit and merge end once their reports are written: for an audit the partner table (unless the
    /// console report on stdout ends with it), the totals and memory in the log, and the exit code: a report not
    /// written, then a stopped run, then what the verdicts say (<paramref name="verdictCode"/>, only asked when it decides).
    /// </summary>
    public static int End(CliContext context, ILogger log, RunSummary summary, IReadOnlyList<ReportTarget> reports, IReadOnlyList<ReportTarget> unwritten, bool interrupted, Func<int> verdictCode, bool partnerTable = false)
    {
        if (partnerTable && !reports.Any(r => r.Reporter is ConsoleReporter && r.Path is null))
        {
            PartnerTable.Write(summary, context.Stderr, colour: ConsoleColour.Enabled(outputRedirected: !RunProgress.IsInteractive(context.Stderr), Environment.GetEnvironmentVariable));
        }

        LogSummary(log, summary);
        LogMemory(log);
        return unwritten.Count > 0 ? ExitCodes.Usage : interrupted ? ExitCodes.Interrupted : verdictCode();
    }

    private static void LogSummary(ILogger log, RunSummary summary)
    {
        var c = summary.Counts;
        log.Information(
            "Checked {Pages} page(s) in {Seconds:0.0} s: {Compliant} compliant, {NonCompliant} non-compliant, {Review} needs review, {NotApplicable} not applicable, {Errors} error(s){Incomplete}",
            c.Pages, (summary.FinishedAt - summary.StartedAt).TotalSeconds, c.Compliant, c.NonCompliant, c.NeedsReview, c.NotApplicable, c.Errors,
            summary.Complete ? string.Empty : " (incomplete run)");
    }

    /// <summary>Memory facts for --verbose runs and the bench: the peak working set and the GC heap.</summary>
    private static void LogMemory(ILogger log)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        log.Debug(
            "Memory: peak working set {Peak:0} MB, GC heap {Heap:0} MB ({Fragmented:0} MB fragmented), collections gen0 {Gen0} gen1 {Gen1} gen2 {Gen2}",
            process.PeakWorkingSet64 / 1048576.0, gc.HeapSizeBytes / 1048576.0, gc.FragmentedBytes / 1048576.0, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    internal static string Safe(string text) => TerminalText.Safe(text);

    /// <summary>The run's spooled pages, its screenshots and the folder that holds them, released together once the reports are written.</summary>
    private sealed class Released(params IDisposable?[] parts) : IDisposable
    {
        public void Dispose()
        {
            foreach (var part in parts)
            {
                part?.Dispose();
            }
        }
    }
}
