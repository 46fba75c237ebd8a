using System.CommandLine;
using Syndication.Text;

namespace Syndication.Cli;

/// <summary>
/// A command line the parser refused, as one line: what was wrong, the name most likely meant ("unknown option
/// '--fromat' for audit; did you mean --format?"), and where the help is.
/// </summary>
public static class ParseProblem
{
    public static string Describe(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var help = $"(see '{Path(parsed)} --help')";
        if ((OptionTakenAsArgument(parsed) ?? (parsed.UnmatchedTokens.Count > 0 ? parsed.UnmatchedTokens[0] : null)) is { } token)
        {
            return $"{Unknown(token, command, Path(parsed))} {help}";
        }

        // The most specific error first: "Unrecognized command 'x'" says more than "Required command was not provided".
        var error = parsed.Errors.OrderByDescending(e => e.Message.Contains('\'', StringComparison.Ordinal)).First();
        return $"{CliApp.Plain(error.Message)} {help}";
    }

    /// <summary>
    /// A mistyped option the parser took as the value of an optional argument ("runs --histroy h.db" reads --histroy as
    /// the partner list): a positional value that looks like a long option, not after "--", is one the command does not know.
    /// </summary>
    public static string? OptionTakenAsArgument(ParseResult parsed)
    {
        if (parsed.Tokens.Any(t => t.Type == System.CommandLine.Parsing.TokenType.DoubleDash))
        {
            return null;
        }

        return parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Select(t => t.Value)
            .FirstOrDefault(v => v.Length > 2 && v.StartsWith("--", StringComparison.Ordinal) && char.IsLetter(v[2]));
    }

    /// <summary>An option-like token the command does not know, or a word where a subcommand was expected.</summary>
    public static string Unknown(string token, Command command, string path)
    {
        if (token.Length > 1 && token.StartsWith('-'))
        {
            return $"unknown option '{token}' for {path}{DidYouMean.Hint(token, OptionNames(command))}";
        }

        return command.Subcommands.Count > 0
            ? $"unknown command '{token}'{DidYouMean.Hint(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"
            : $"unexpected argument '{token}' for {path}";
    }

    /// <summary>Every name an option of the command answers to, its own and those it inherits (--help).</summary>
    public static IEnumerable<string> OptionNames(Command command)
    {
        for (var current = command; current is not null; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in current.Options.Where(o => current == command || o.Recursive))
            {
                yield return option.Name;
                foreach (var alias in option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
                {
                    yield return alias;
                }
            }
        }
    }

    /// <summary>"syndication originals sync": the command as typed, for the help hint.</summary>
    private static string Path(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "syndication" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
