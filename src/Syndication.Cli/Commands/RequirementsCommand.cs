using System.CommandLine;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Reporting;
using Syndication.Requirements;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>syndication requirements</c>: the requirement kinds a profile can list, with their options, and the built-in
/// profiles; with <c>--profile</c>, what that profile asks, with every option's value.
/// </summary>
public static class RequirementsCommand
{
    public static Command Build(CliContext context)
    {
        var profile = SharedOptions.Profile();
        profile.Description = "Show what this profile asks (a built-in name or a file), every option with its value.";
        var command = new Command("requirements", "List the requirement kinds a licence profile can ask for, their options and the built-in profiles.") { profile };
        command.SetAction(result =>
        {
            if (result.GetValue(profile) is { } name)
            {
                Profile(context.Stdout, ProfileLoader.Load(name));
            }
            else
            {
                Kinds(context.Stdout);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Kinds(TextWriter o)
    {
        o.WriteLine("Requirement kinds (a profile lists them under requirements:, README \"Licence profiles\"):");
        foreach (var kind in RequirementCatalogue.Kinds)
        {
            o.WriteLine();
            o.WriteLine($"{kind.Id}: {kind.Summary}");
            foreach (var option in kind.Options)
            {
                var facts = new List<string> { Type(option) };
                if (option.Required)
                {
                    facts.Add("required");
                }

                if (option.Default is { } value)
                {
                    facts.Add($"default {value}");
                }

                o.WriteLine($"  {option.Name} ({string.Join("; ", facts)}): {option.Meaning}");
            }
        }

        o.WriteLine();
        o.WriteLine("Built-in profiles (--profile NAME):");
        foreach (var id in ProfileLoader.BuiltInIds)
        {
            var builtIn = ProfileLoader.Load(id);
            o.WriteLine($"  {id}: {builtIn.Licensor}: {string.Join(", ", builtIn.RequirementIds)}");
        }
    }

    private static void Profile(TextWriter o, LicenceProfile profile)
    {
        o.WriteLine($"{TerminalText.Safe(profile.Id)}: {TerminalText.Safe(profile.Licensor)} ({string.Join(", ", profile.Names.Select(n => TerminalText.Safe(n.Display)))})");
        if (profile.LicenceText is { } licence)
        {
            o.WriteLine($"  \"{TerminalText.Safe(licence)}\"");
        }

        foreach (var requirement in profile.Requirements)
        {
            var options = requirement.Options.Described(requirement.Kind).Select(v => $"{v.Name}: {TerminalText.Safe(v.Value)}").ToList();
            var kind = requirement.Id == requirement.Kind.Id ? string.Empty : $" ({requirement.Kind.Id})";
            o.WriteLine($"  {requirement.Id}{kind}{(options.Count > 0 ? " { " + string.Join(", ", options) + " }" : string.Empty)}");
        }
    }

    private static string Type(RequirementOption option) => option.Type switch
    {
        OptionType.Choice => "one of " + string.Join(", ", option.Choices),
        OptionType.Choices => "one or more of " + string.Join(", ", option.Choices),
        OptionType.Texts => "text or a list of texts",
        OptionType.Patterns => "regular expressions",
        OptionType.Number => option.Minimum > 0 ? $"whole number ≥ {option.Minimum}" : "whole number",
        OptionType.Flag => "true or false",
        _ => "text",
    };
}
