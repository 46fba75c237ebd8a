using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Syndication.Catalogue;
using Syndication.Cli.Commands;
using Syndication.Files;
using Syndication.History;
using Syndication.Originals;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Profiles;

namespace Syndication.Cli;

/// <summary>Builds the command tree, parses, runs, and maps configuration errors to exit code 3 with a one-line message.</summary>
public static partial class CliApp
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("syndication: checks that republished articles keep the licence (DCNF: logo, byline, affiliation; or the clauses of another licensor's profile)")
        {
            CheckCommand.Build(context),
            AuditCommand.Build(context),
            MergeCommand.Build(context),
            RunsCommand.Build(context),
            HistoryCommand.Build(context),
            DiffCommand.Build(context),
            ReportCommand.Build(context),
            EvidenceCommand.Build(context),
            CaseFileCommand.Build(context),
            OriginalsCommand.Build(context),
            RequirementsCommand.Build(context),
        };
        HelpWithExitCodes.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider? time = null, CancellationToken stop = default)
    {
        // The first Ctrl+C or SIGTERM asks the run to stop (pages in flight finish, reports are written);
        // a second Ctrl+C ends the process at once.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        void Stop(PosixSignalContext signal)
        {
            if (!stopping.IsCancellationRequested)
            {
                signal.Cancel = true;
                stderr.WriteLine($"syndication: {signal.Signal} received: finishing the pages in flight, then writing the reports (again to stop at once)");
                stopping.Cancel();
            }
        }

        var context = new CliContext(stdout, stderr, time ?? TimeProvider.System, stopping.Token);
        var root = Build(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 || ParseProblem.OptionTakenAsArgument(parsed) is not null)
        {
            await stderr.WriteLineAsync($"syndication: {ParseProblem.Describe(parsed)}");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, stopping.Token);
        }
        catch (Exception e) when (e is UsageException or ProfileException or OriginalsException or PartnerListException or HistoryException or CatalogueException or RunFolderException)
        {
            await stderr.WriteLineAsync($"syndication: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (HistoryErrors.IsHistoryFailure(e))
        {
            // A SQLite failure no command named with its file (each names its own where it can).
            await stderr.WriteLineAsync($"syndication: a SQLite file could not be read or written: {(e is Microsoft.Data.Sqlite.SqliteException s ? SqliteProblems.Describe(s) : $"a stored value is damaged ({e.Message.ReplaceLineEndings(" ")})")}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // A command stopped before it had anything to report.
            await stderr.WriteLineAsync("syndication: stopped");
            return ExitCodes.Interrupted;
        }
    }

    /// <summary>The parser's type errors in the user's words: "--timeout expects a number, not 'abc'", not a .NET type name.</summary>
    internal static string Plain(string message)
    {
        var match = ParseFailure().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var type = match.Groups["type"].Value;
        var expected = type.Contains("Double", StringComparison.Ordinal) ? "a number"
            : type.Contains("Int", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : "another kind of value";
        return $"{match.Groups["option"].Value} expects {expected}, not '{match.Groups["value"].Value}'";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|argument) '(?<option>[^']+)' as expected type '(?<type>[^']+)'")]
    private static partial Regex ParseFailure();
}
