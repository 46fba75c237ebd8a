using System.CommandLine;
using Syndication.Cli.Logging;
using Syndication.Partners;
using Syndication.Pipeline;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>syndication audit PARTNERS_FILE</c>: the nightly job. Checks every page of every partner with the same engine
/// as check, through the hardened fetcher, shows progress, writes the reports and ends with a per-partner table.
/// </summary>
public static class AuditCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var partners = new Argument<string>("PARTNERS_FILE") { Description = "The partner list: YAML (.yaml) or CSV (.csv)." };
        var originals = SharedOptions.Originals();
        var profile = SharedOptions.Profile();
        var format = SharedOptions.Format();
        var output = SharedOptions.Output();
        var outputDir = SharedOptions.OutputDir();
        var verbose = SharedOptions.Verbose();
        var budget = new Option<double?>("--budget") { Description = "Minutes the whole run may take; pages not done by then are reported as not checked (kind budget).", HelpName = "MINUTES" };
        var fetch = new FetchOptionSet();
        var command = new Command("audit", "Audit a whole partner list: every partner's pages, politely, with a report and a per-partner summary.")
        {
            partners, originals, profile, format, output, outputDir, verbose, budget,
        };
        foreach (var option in fetch.All)
        {
            command.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var list = PartnerListReader.Read(result.GetValue(partners)!);
            var settings = list.Settings;
            var formatText = result.GetResult(format) is { Implicit: false } ? result.GetValue(format)! : settings.Formats.Count > 0 ? string.Join(',', settings.Formats) : result.GetValue(format)!;
            var reports = ReportOutput.Plan(formatText, result.GetValue(output), result.GetValue(outputDir) ?? (result.GetValue(output) is null ? settings.OutputDir : null));
            var log = LogSetup.Create(result.GetValue(verbose), stderr);
            var minutes = result.GetValue(budget) ?? settings.BudgetMinutes;
            if (minutes is <= 0)
            {
                throw new UsageException($"--budget must be greater than 0 (got {minutes})");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(list.Source)) ?? ".";
            var job = new RunJob
            {
                Profile = result.GetValue(profile) ?? settings.Profile,
                Originals = result.GetValue(originals) is { Length: > 0 } given ? given : settings.Originals,
                Fetch = fetch.Build(result, settings, defaultCache: Path.Combine(folder, ".syndication", "cache")),
                Concurrency = fetch.ConcurrencyFrom(result, settings),
                Budget = minutes is { } m ? TimeSpan.FromMinutes(m) : null,
                Targets = Targets(list),
            };
            log.Information("Auditing {Pages} page(s) of {Partners} partner(s) from {List}", list.PageCount, list.Partners.Count, list.Source);
            var progress = new RunProgress(log, RunProgress.IsInteractive(stderr), TimeProvider.System);
            var summary = await progress.RunAsync(observer => job.RunAsync(log, observer, cancellationToken));
            using (summary.Spool)
            {
                var unwritten = ReportOutput.Write(summary, reports, stdout, stderr, log);
                PartnerTable.Write(summary, stderr, colour: RunProgress.IsInteractive(stderr) && Environment.GetEnvironmentVariable("NO_COLOR") is null);
                RunJob.LogSummary(log, summary);
                RunJob.LogMemory(log);
                return unwritten.Count > 0 ? ExitCodes.Usage : ExitCodes.For(summary.Counts);
            }
        });
        return command;
    }

    /// <summary>Every page of every partner, grouped by partner in list order.</summary>
    public static List<PageTarget> Targets(PartnerList list)
    {
        var targets = new List<PageTarget>(list.PageCount);
        foreach (var partner in list.Partners)
        {
            foreach (var page in partner.Pages)
            {
                var target = RunJob.TargetsFrom([page.Location])[0];
                targets.Add(target with { Partner = partner.Name, ExpectedOriginal = page.Original, IgnoreRobots = partner.IgnoreRobots });
            }
        }

        return targets;
    }
}
