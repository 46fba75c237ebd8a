using System.CommandLine;
using Syndication.Cli.Logging;
using Syndication.Fetching;
using Syndication.Pipeline;

namespace Syndication.Cli.Commands;

/// <summary><c>syndication check PAGE...</c>: check pages against the originals and print or write the report.</summary>
public static class CheckCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var pages = new Argument<string[]>("PAGE")
        {
            Description = "Pages to check: http(s) URLs, file paths or file:// URIs.",
            Arity = ArgumentArity.OneOrMore,
        };
        pages.Validators.Add(SharedOptions.NoOptionLikeValues);
        var originals = SharedOptions.Originals();
        var reporters = SharedOptions.Reporters();
        var profile = SharedOptions.Profile();
        var format = SharedOptions.Format();
        var output = SharedOptions.Output();
        var outputDir = SharedOptions.OutputDir();
        var verbose = SharedOptions.Verbose();
        var timeout = SharedOptions.Timeout();
        var concurrency = SharedOptions.Concurrency();
        var maxBytes = SharedOptions.MaxBytes();
        var command = new Command("check", "Check pages: does each keep the licence (logo, byline, affiliation)?")
        {
            pages, originals, reporters, profile, format, output, verbose, timeout, concurrency, maxBytes,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var reports = ReportOutput.Plan(result.GetValue(format)!, result.GetValue(output), result.GetValue(outputDir));
            var log = LogSetup.Create(result.GetValue(verbose), stderr);
            var time = TimeProvider.System;
            var fetchOptions = new FetchOptions
            {
                Timeout = TimeSpan.FromSeconds(Positive(result.GetValue(timeout), "--timeout")),
                MaxBodyBytes = (long)Positive(result.GetValue(maxBytes), "--max-bytes"),
            };
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var fetcher = Engine.DefaultFetcher(fetchOptions, time, http);
            var settings = await Engine.SettingsAsync(
                result.GetValue(profile), result.GetValue(originals) ?? [], result.GetValue(reporters) ?? [], fetcher, log, cancellationToken);

            var targets = new List<PageTarget>();
            var invalid = new Dictionary<int, PageResult>();
            foreach (var argument in result.GetValue(pages) ?? [])
            {
                try
                {
                    targets.Add(PageTarget.Of(argument));
                }
                catch (FormatException e)
                {
                    invalid[targets.Count + invalid.Count] = new PageResult { Url = argument, Verdict = Verdicts.PageVerdict.Error, Error = new Verdicts.PageError("address", e.Message) };
                }
            }

            var started = time.GetUtcNow();
            var checker = new PageChecker(fetcher, new PageEvaluator(settings), log);
            var checkedPages = await new CheckRun(checker, (int)Positive(result.GetValue(concurrency), "--concurrency"), log).RunAsync(targets, cancellationToken);
            var all = Merge(checkedPages, invalid);
            var summary = RunSummary.Create(started, time.GetUtcNow(), all);
            ReportOutput.Write(summary, reports, stdout, stderr, log);
            log.Information(
                "Checked {Pages} page(s) in {Seconds:0.0} s: {Compliant} compliant, {NonCompliant} non-compliant, {Review} needs review, {NotApplicable} not applicable, {Errors} error(s)",
                summary.Counts.Pages, (summary.FinishedAt - summary.StartedAt).TotalSeconds, summary.Counts.Compliant, summary.Counts.NonCompliant,
                summary.Counts.NeedsReview, summary.Counts.NotApplicable, summary.Counts.Errors);
            return ExitCodes.For(summary.Counts);
        });
        command.Add(outputDir);
        return command;
    }

    private static List<PageResult> Merge(List<PageResult> checkedPages, Dictionary<int, PageResult> invalid)
    {
        var all = new List<PageResult>(checkedPages.Count + invalid.Count);
        var next = 0;
        for (var i = 0; i < checkedPages.Count + invalid.Count; i++)
        {
            all.Add(invalid.TryGetValue(i, out var bad) ? bad : checkedPages[next++]);
        }

        return all;
    }

    internal static double Positive(double value, string option) =>
        value > 0 ? value : throw new UsageException($"{option} must be greater than 0 (got {value})");
}
