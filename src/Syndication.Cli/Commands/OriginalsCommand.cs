using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Syndication.Catalogue;
using Syndication.Catalogue.Sync;
using Syndication.Cli.Logging;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>syndication originals sync|list|show|stats</c>: the catalogue of originals. Each takes the partner list (whose
/// catalogue and profile it uses) or --catalogue, as audit and check find theirs.
/// </summary>
public static class OriginalsCommand
{
    public static Command Build(CliContext context) =>
        new("originals", "The catalogue of originals: every article of the licensor the tool has read, kept between runs.")
        {
            Sync(context),
            List(context),
            Show(context),
            Stats(context),
        };

    /// <summary>The options every originals subcommand shares: which list, catalogue and profile.</summary>
    private sealed class Where
    {
        public Argument<string?> Partners { get; } = new("PARTNERS_FILE")
        {
            Description = "A partner list: its catalogue (settings.catalogue, else PARTNERS.catalogue.db beside it) and profile. Optional with --catalogue.",
            Arity = ArgumentArity.ZeroOrOne,
        };

        public Option<string?> Catalogue { get; } = CatalogueOptions.Catalogue($"the partner list's, else ${CatalogueOptions.EnvironmentVariable}");

        public Option<string?> Profile { get; } = SharedOptions.Profile();

        public void AddTo(Command command)
        {
            command.Add(Partners);
            command.Add(Catalogue);
            command.Add(Profile);
        }

        public (PartnerList? List, string Catalogue, LicenceProfile Profile) Resolve(ParseResult result)
        {
            var list = result.GetValue(Partners) is { } file ? PartnerListReader.Read(file) : null;
            var path = CatalogueOptions.PathFor(result.GetValue(Catalogue), list)
                ?? throw new UsageException($"which catalogue? give a partner list, --catalogue PATH, or set {CatalogueOptions.EnvironmentVariable}");
            var profile = result.GetValue(Profile) ?? list?.Settings.Profile;
            return (list, path, profile is null ? ProfileLoader.BuiltIn : ProfileLoader.Load(profile));
        }
    }

    private static Command Sync(CliContext context)
    {
        var where = new Where();
        var full = new Option<bool>("--full") { Description = "Read everything again (every API page, every feed page, every sitemap), not only what changed since the last sync." };
        var maxPages = new Option<int>("--max-pages") { Description = "The most article pages read from the sitemaps in one sync; the rest wait for the next. Default 2000.", DefaultValueFactory = _ => 2000, HelpName = "N" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug events on stderr." };
        var fetch = new FetchOptionSet();
        var command = new Command("sync", "Backfill and refresh the catalogue from the licensor's site (REST API, feeds and their pages, sitemaps), politely and incrementally.");
        where.AddTo(command);
        command.Add(full);
        command.Add(maxPages);
        command.Add(verbose);
        foreach (var option in fetch.All)
        {
            command.Add(option);
        }

        command.SetAction(async (result, _) =>
        {
            var (list, path, profile) = where.Resolve(result);
            var log = LogSetup.Create(result.GetValue(verbose), context.Stderr);
            var pages = result.GetValue(maxPages);
            if (pages < 0)
            {
                throw new UsageException($"--max-pages cannot be negative (got {pages})");
            }

            var cache = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", ".syndication", "cache");
            var options = fetch.Build(result, list?.Settings ?? new AuditSettings(), defaultCache: cache);
            using var store = CatalogueOptions.Open(path, create: true);
            using var fetcher = Engine.CreateFetcher(options, context.Time);
            var site = profile.Site;
            log.Information(
                "Syncing the catalogue {Path} from {Site} ({Profile}){Full}",
                store.Path, site?.Url.AbsoluteUri ?? "(no site)", profile.Id, result.GetValue(full) ? ", everything again" : string.Empty);
            var before = store.Count(profile.Id);
            var sync = new CatalogueSync(store, profile, fetcher, fetcher, new SyncOptions { Full = result.GetValue(full), MaxPages = pages }, context.Time);
            SyncReport report;
            try
            {
                report = await sync.RunAsync(context.Stop);
            }
            catch (OperationCanceledException) when (context.Stop.IsCancellationRequested)
            {
                log.Warning("Sync stopped; what was read so far is kept, and the next sync goes on from there");
                return ExitCodes.Interrupted;
            }

            foreach (var problem in report.Problems)
            {
                log.Warning("{Problem}", problem);
            }

            var o = context.Stdout;
            foreach (var part in report.Parts)
            {
                o.WriteLine(TerminalText.Safe(part));
            }

            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Result.Added} new, {report.Result.Updated} edited, {report.Result.Unchanged} unchanged; {report.Requests} request(s); the catalogue holds {store.Count(profile.Id)} original(s) of {profile.Id} (was {before}){(report.Complete ? string.Empty : "; incomplete, see the warnings")}"));
            foreach (var (title, changes) in report.Result.Edits.Take(20))
            {
                o.WriteLine($"  edited: {TerminalText.Safe(title)} ({changes})");
            }

            return report.Complete ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var where = new Where();
        var reporter = new Option<string?>("--reporter") { Description = "Only the originals of this reporter.", HelpName = "NAME" };
        var search = new Option<string?>("--search") { Description = "Only originals whose title or URL contains this text.", HelpName = "TEXT" };
        var since = new Option<string?>("--since") { Description = "Only originals published on or after this date (YYYY-MM-DD).", HelpName = "DATE" };
        var limit = new Option<int>("--limit") { Description = "How many to list, newest first (0: all). Default 50.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var json = new Option<bool>("--json") { Description = "One JSON object per line instead of a table." };
        var command = new Command("list", "List the originals of the catalogue, newest first.") { reporter, search, since, limit, json };
        where.AddTo(command);
        command.SetAction(result =>
        {
            var (_, path, profile) = where.Resolve(result);
            using var store = CatalogueOptions.Open(path, create: false);
            var rows = store.List(profile.Id, new CatalogueQuery
            {
                Reporter = result.GetValue(reporter),
                Search = result.GetValue(search),
                Since = result.GetValue(since) is { } text ? Day(text, "--since") : null,
                Limit = result.GetValue(limit),
            });
            var o = context.Stdout;
            if (result.GetValue(json))
            {
                foreach (var row in rows)
                {
                    o.WriteLine(JsonSerializer.Serialize(new
                    {
                        id = row.Id, title = row.Title, url = row.Url, reporters = row.Reporters, published = row.Published, modified = row.Modified,
                        firstRead = row.FirstReadAt, firstSource = row.FirstSource, textRead = row.ReadAt, source = row.Source, lastSeen = row.SeenAt, seenIn = row.SeenSource, revision = row.Revision,
                    }));
                }

                return ExitCodes.Ok;
            }

            o.WriteLine("ID      PUBLISHED   REPORTERS                 TITLE");
            foreach (var row in rows)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Id,-7} {(row.Published is { } p ? ReportFormatting.Day(p) : "-"),-11} {Cell(string.Join(", ", row.Reporters), 25),-25} {TerminalText.Safe(row.Title)}{(row.Revision > 1 ? $"  (revision {row.Revision})" : string.Empty)}"));
                o.WriteLine($"        {TerminalText.Safe(row.Url ?? "(no URL)")}");
            }

            context.Stderr.WriteLine($"syndication: {rows.Count} of {store.Count(profile.Id)} original(s) of {profile.Id} in {store.Path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var where = new Where();
        var what = new Argument<string>("ORIGINAL") { Description = "The original: its id (from list), URL or title." };
        var text = new Option<bool>("--text") { Description = "Print every paragraph, not only the first three." };
        var command = new Command("show", "Show one original: its reporters, dates, where and when it was read, its edits and its text.") { what, text };
        where.AddTo(command);
        command.SetAction(result =>
        {
            var (_, path, profile) = where.Resolve(result);
            using var store = CatalogueOptions.Open(path, create: false);
            var wanted = result.GetValue(what)!;
            if (store.Show(profile.Id, wanted) is not { } shown)
            {
                context.Stderr.WriteLine($"syndication: no original \"{TerminalText.Safe(wanted)}\" in {store.Path} (give its id from 'originals list', its URL or its title)");
                return ExitCodes.Usage;
            }

            var (row, paragraphs, edits) = shown;
            var o = context.Stdout;
            o.WriteLine(TerminalText.Safe(row.Title));
            o.WriteLine($"  id:          {row.Id}{(row.LicensorId is null || row.LicensorId == row.Url ? string.Empty : $" (the licensor's {TerminalText.Safe(row.LicensorId)})")}");
            o.WriteLine($"  url:         {TerminalText.Safe(row.Url ?? "(none)")}");
            o.WriteLine($"  reporters:   {(row.Reporters.Count == 0 ? "(none named)" : TerminalText.Safe(string.Join(", ", row.Reporters)))}");
            o.WriteLine($"  published:   {(row.Published is { } p ? ReportFormatting.Date(p) : "(unknown)")}");
            o.WriteLine($"  modified:    {(row.Modified is { } m ? ReportFormatting.Date(m) : "(unknown)")}");
            o.WriteLine($"  first read:  {ReportFormatting.Date(row.FirstReadAt)} from {TerminalText.Safe(row.FirstSource)}");
            o.WriteLine($"  text read:   {ReportFormatting.Date(row.ReadAt)} from {TerminalText.Safe(row.Source)}");
            o.WriteLine($"  last seen:   {ReportFormatting.Date(row.SeenAt)} in {TerminalText.Safe(row.SeenSource)}");
            o.WriteLine($"  revision:    {row.Revision}{(row.Revision > 1 ? $", last changed {ReportFormatting.Date(row.ChangedAt)}" : string.Empty)}");
            o.WriteLine($"  text:        {row.Paragraphs} paragraph(s), {row.Words} word(s)");
            foreach (var edit in edits)
            {
                o.WriteLine($"  edit {edit.Revision}:      seen {ReportFormatting.Date(edit.SeenAt)}{(edit.Modified is { } em ? $" (modified {ReportFormatting.Date(em)})" : string.Empty)} from {TerminalText.Safe(edit.Source)}: {edit.Changes}; before: \"{TerminalText.Safe(edit.PreviousTitle)}\"");
            }

            o.WriteLine();
            foreach (var paragraph in result.GetValue(text) ? paragraphs : paragraphs.Take(3))
            {
                o.WriteLine(TerminalText.Safe(paragraph));
                o.WriteLine();
            }

            if (!result.GetValue(text) && paragraphs.Count > 3)
            {
                o.WriteLine($"... {paragraphs.Count - 3} more paragraph(s) (--text)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Stats(CliContext context)
    {
        var where = new Where();
        var top = new Option<int>("--reporters") { Description = "How many reporters to list by count. Default 20.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("stats", "The catalogue in figures: originals, date range, per-reporter counts, sources, last sync.") { top };
        where.AddTo(command);
        command.SetAction(result =>
        {
            var (_, path, profile) = where.Resolve(result);
            using var store = CatalogueOptions.Open(path, create: false);
            var stats = store.Stats(profile.Id, Math.Max(1, result.GetValue(top)));
            var o = context.Stdout;
            o.WriteLine($"catalogue:   {store.Path}");
            o.WriteLine($"licensor:    {stats.Licensor}");
            o.WriteLine($"originals:   {stats.Count}{(stats.Edited > 0 ? $" ({stats.Edited} edited by the licensor since first read)" : string.Empty)}");
            o.WriteLine($"published:   {(stats.Earliest is { } e ? ReportFormatting.Day(e) : "-")} to {(stats.Latest is { } l ? ReportFormatting.Day(l) : "-")}{(stats.Undated > 0 ? $" ({stats.Undated} undated)" : string.Empty)}");
            o.WriteLine($"no reporter: {stats.WithoutReporters}");
            if (stats.LastSync is { } sync)
            {
                o.WriteLine($"last sync:   {ReportFormatting.Date(sync.StartedAt)} {sync.Status}: {sync.Added} new, {sync.Updated} edited, {sync.Unchanged} unchanged, {sync.Requests} request(s){(sync.Problems.Count > 0 ? $", {sync.Problems.Count} problem(s)" : string.Empty)}");
                foreach (var problem in sync.Problems.Take(5))
                {
                    o.WriteLine($"             {TerminalText.Safe(problem)}");
                }
            }
            else
            {
                o.WriteLine("last sync:   never (originals come from the runs' feeds and pages; 'syndication originals sync' reads the licensor's site)");
            }

            o.WriteLine("reporters:");
            foreach (var (name, count) in stats.Reporters)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,6}  {TerminalText.Safe(name)}"));
            }

            o.WriteLine("first read from:");
            foreach (var (source, count) in stats.Sources)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,6}  {TerminalText.Safe(source)}"));
            }

            foreach (var (licensor, count) in store.Licensors().Where(l => l.Licensor != profile.Id))
            {
                o.WriteLine($"(also {count} original(s) of {TerminalText.Safe(licensor)}: --profile to see them)");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static DateTimeOffset Day(string text, string option) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day)
            ? day
            : throw new UsageException($"{option} expects a date as YYYY-MM-DD, not '{text}'");

    private static string Cell(string text, int width) => TerminalText.Safe(ReportFormatting.Truncate(text, width));
}
