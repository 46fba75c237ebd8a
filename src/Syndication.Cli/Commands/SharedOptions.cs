using System.CommandLine;

namespace Syndication.Cli.Commands;

/// <summary>Options that check and audit share.</summary>
public static class SharedOptions
{
    /// <summary>An unknown option must not be taken for a page ("--bogus" is a typo, not a file).</summary>
    public static void NoOptionLikeValues(System.CommandLine.Parsing.ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value.StartsWith('-'))
            {
                var command = (result.Parent as System.CommandLine.Parsing.CommandResult)?.Command;
                result.AddError(command is null ? $"unknown option '{token.Value}'" : ParseProblem.Unknown(token.Value, command, $"syndication {command.Name}"));
                return;
            }
        }
    }

    public static Option<string[]> Originals() => new("--originals")
    {
        Description = "The licensor's originals: an RSS/Atom feed, an original article page (file or URL) or a folder of them. Repeatable.",
        HelpName = "SRC",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string[]> Reporters() => new("--reporter")
    {
        Description = "A reporter to find in the byline, for pages whose original is not at hand. Repeatable.",
        HelpName = "NAME",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Option<string?> Profile() => new("--profile")
    {
        Description = $"A built-in licence profile by name ({string.Join(", ", Syndication.Profiles.ProfileLoader.BuiltInIds)}) or a profile file (YAML or JSON). Default: dcnf.",
        HelpName = "NAME|FILE",
    };
}
