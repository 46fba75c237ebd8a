using System.CommandLine;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Reporting;
using Syndication.Reporting.CaseFiles;
using Syndication.Verdicts;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>syndication casefile PARTNER</c>: what a licensing officer sends a partner, from a run in the history: its
/// non-compliant and needs-review pages with what each lacks and since when, their screenshots and archived fetches
/// with hashes and fetch times, the licence's words and the partner's contact (from the partner list).
/// </summary>
public static class CaseFileCommand
{
    public static Command Build(CliContext context)
    {
        var words = HistoryLocation.ListAnd("PARTNER", "the partner's name, as in the partner list.");
        var history = HistoryLocation.Option();
        var run = new Option<long?>("--run") { Description = "The run; default the latest complete one.", HelpName = "ID" };
        var list = new Option<string?>("--list") { Description = "The partner list (for the partner's contact and the profile); default the one given first, else the one the run audited.", HelpName = "FILE" };
        var profile = new Option<string?>("--profile") { Description = "The licence profile whose words the letter quotes (a built-in name or a file); default the partner's in the list, else the list's, else dcnf.", HelpName = "NAME|FILE" };
        var output = new Option<string>("--output") { Description = "A new or empty folder, or a .zip file.", HelpName = "DIR|FILE.zip", Required = true };
        var command = new Command("casefile", "Write a case file for a partner: a letter-style summary, screenshots, archived pages with hashes and fetch times.")
        {
            words, history, run, list, profile, output,
        };
        command.SetAction(result =>
        {
            var (given, partner) = HistoryLocation.Split(result.GetValue(words)!, result.GetValue(history), "casefile", "PARTNER");
            using var store = HistoryOptions.Open(HistoryLocation.Find(result.GetValue(history), given, "casefile"), create: false);
            var runId = result.GetValue(run) ?? (store.CompleteRuns(1) is [var complete, ..] ? complete.Id : store.Runs(1) is [var any, ..] ? any.Id : (long?)null)
                ?? throw new UsageException($"{store.Path} holds no run");
            var record = store.Run(runId);
            var name = partner.Trim();
            var summary = store.Summary(runId);
            var ofPartner = summary.Pages.Where(p => string.Equals(p.Partner, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (ofPartner.Count == 0)
            {
                var known = summary.Partners.Select(p => p.Name).Take(10);
                throw new UsageException($"no partner \"{name}\" in run {runId}; its partners: {string.Join(", ", known)}");
            }

            var listPath = result.GetValue(list)
                ?? (given is not null && !given.EndsWith(".db", StringComparison.OrdinalIgnoreCase) ? given : null)
                ?? (record.Source is { } source && File.Exists(source) ? source : null);
            var partnerList = listPath is null ? null : PartnerListReader.Read(listPath);
            var entry = partnerList?.Partners.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            // The partner's own licence when the list gives it one (it republishes another licensor), else the run's.
            var profilePath = result.GetValue(profile) ?? entry?.Profile ?? partnerList?.Settings.Profile;
            var licence = profilePath is null ? ProfileLoader.BuiltIn : ProfileLoader.Load(profilePath);

            var pages = new List<CasePage>();
            foreach (var page in ofPartner.Where(p => p.Verdict is PageVerdict.NonCompliant or PageVerdict.NeedsReview))
            {
                var evidence = store.Evidence(page.Url, runId) is { } e && e.Url == page.Url ? new CaseArchive(e.Sha256, e.FetchedAt, e.FinalUrl, e.Body) : null;
                var shots = store.Screenshots(page.Url, runId).Where(s => s.Url == page.Url)
                    .Select(s => new CaseScreenshot(s.Name, s.Sha256, s.Width, s.Height, s.Outlined, s.Png)).ToList();
                pages.Add(new CasePage(page, evidence, shots));
            }

            var caseFile = new CaseFile
            {
                Partner = entry?.Name ?? ofPartner[0].Partner!,
                Contact = entry?.Contact,
                Notes = entry?.Notes,
                Licensor = licence.Licensor,
                LicenceText = licence.LicenceText,
                RunId = runId,
                RunStartedAt = record.StartedAt,
                WrittenAt = context.Time.GetUtcNow(),
                Pages = pages,
            };
            var target = result.GetValue(output)!;
            var files = CaseFileWriter.Write(caseFile, target);
            context.Stdout.WriteLine(
                $"Case file for {TerminalText.Safe(caseFile.Partner)} (run {runId}): {pages.Count} page(s), {pages.Count(p => p.Archive is not null)} archived, "
                + $"{pages.Sum(p => p.Screenshots.Count)} screenshot(s), {files.Count} file(s) in {target}");
            if (entry?.Contact is null)
            {
                context.Stderr.WriteLine($"syndication: the partner list {(listPath is null ? "was not found" : "gives no contact for " + TerminalText.Safe(caseFile.Partner))}: the letter names no recipient's address");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
