using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Syndication.Cli;

/// <summary>
/// Every command's --help ends with the exit codes, so a CI author need not look them up (README "Exit codes" says
/// the same at length).
/// </summary>
public sealed class HelpWithExitCodes(HelpAction standard) : SynchronousCommandLineAction
{
    /// <summary>The lines under "Exit codes:", one per code, as short as they can be and still true.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Codes =
    [
        (0, "every page compliant, needs review or not applicable (audit: nothing that --fail-on counts)"),
        (1, "a page non-compliant (audit: as --fail-on says, default a new violation)"),
        (2, "nothing non-compliant that counts, but a page could not be checked"),
        (3, "usage or configuration error (an option, the partner list or one of its entries, a file; a report not written), named in one line"),
        (4, "stopped by Ctrl+C or SIGTERM: pages in flight finished, reports written and marked incomplete"),
    ];

    public override bool ClearsParseErrors => true;

    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((HelpAction)help.Action!);
    }

    public override int Invoke(ParseResult parseResult)
    {
        var code = standard.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.WriteLine("Exit codes:");
        foreach (var (exit, meaning) in Codes)
        {
            output.WriteLine($"  {exit}  {meaning}");
        }

        output.WriteLine();
        return code;
    }
}
