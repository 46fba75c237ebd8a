using System.CommandLine;
using Syndication.Cli.Commands;
using Syndication.Originals;
using Syndication.Partners;
using Syndication.Pipeline;
using Syndication.Profiles;

namespace Syndication.Cli;

/// <summary>Builds the command tree, parses, runs, and maps configuration errors to exit code 3 with a one-line message.</summary>
public static class CliApp
{
    public static RootCommand Build(TextWriter stdout, TextWriter stderr) =>
        new("syndication: checks that republished articles keep the licence (logo, byline, affiliation)")
        {
            CheckCommand.Build(stdout, stderr),
            AuditCommand.Build(stdout, stderr),
        };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The most specific error first: "Unrecognized command 'x'" says more than "Required command was not provided".
            var error = parsed.Errors.OrderByDescending(e => e.Message.Contains('\'', StringComparison.Ordinal)).First();
            await stderr.WriteLineAsync($"syndication: {error.Message} (see 'syndication --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is UsageException or ProfileException or OriginalsException or PartnerListException)
        {
            await stderr.WriteLineAsync($"syndication: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
