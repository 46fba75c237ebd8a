using System.CommandLine;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Text;

namespace Syndication.Cli.Commands;

/// <summary><c>syndication check PAGE...</c>: check pages against the originals and print or write the report.</summary>
public static class CheckCommand
{
    public static Command Build(CliContext context)
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
        var catalogue = CatalogueOptions.Catalogue($"${CatalogueOptions.EnvironmentVariable}, else none (only the originals named here)");
        var report = new ReportOptionSet();
        var fetch = new FetchOptionSet();
        var command = new Command("check", "Check pages: does each keep the licence (the profile's requirements: logo, byline, affiliation for DCNF)?")
        {
            pages, originals, reporters, profile, catalogue,
        };
        foreach (var option in report.All.Concat(fetch.All))
        {
            command.Add(option);
        }

        command.SetAction(async (result, _) =>
        {
            var reports = report.Plan(result);
            var log = report.Log(result, context.Stderr);
            var settings = new AuditSettings();
            var fetchOptions = fetch.Build(result, settings, defaultCache: null);
            var targets = RunJob.TargetsFrom(result.GetValue(pages) ?? []);
            var render = fetch.RenderFrom(result, settings, fetchOptions, targets);
            var job = new RunJob
            {
                Profile = result.GetValue(profile),
                Originals = result.GetValue(originals) ?? [],
                Reporters = Named(result.GetValue(reporters) ?? []),
                Catalogue = CatalogueOptions.PathFor(result.GetValue(catalogue), list: null),
                Fetch = fetchOptions,
                Resources = fetch.Resources(result),
                Render = render,
                Concurrency = fetch.ConcurrencyFrom(result, settings),
                Targets = targets,
            };
            var progress = new RunProgress(log, interactive: false, context.Time);
            var summary = await job.RunAsync(log, progress, context.Time, context.Stop);
            using (summary.Spool)
            {
                return RunJob.Finish(context, log, summary, reports, interrupted: context.Stop.IsCancellationRequested, () => ExitCodes.For(summary.Counts));
            }
        });
        return command;
    }

    /// <summary>Each --reporter must name someone: an empty or punctuation-only name would silently check nobody.</summary>
    private static string[] Named(string[] reporters) =>
        reporters.FirstOrDefault(r => new PersonName(r).Words.Count == 0) is { } nobody
            ? throw new UsageException($"--reporter \"{nobody}\" names no one: give the reporter's name as the byline shows it")
            : reporters;
}
