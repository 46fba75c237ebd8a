using System.CommandLine;
using Syndication.Catalogue;
using Syndication.Partners;

namespace Syndication.Cli.Commands;

/// <summary>
/// Where the catalogue of originals is: --catalogue; else, for a partner list, its settings.catalogue or
/// PARTNERS.catalogue.db beside it; else the SYNDICATION_CATALOGUE environment variable. check without any of them
/// matches only what its command line names.
/// </summary>
public static class CatalogueOptions
{
    public const string EnvironmentVariable = "SYNDICATION_CATALOGUE";

    public static Option<string?> Catalogue(string defaultText) => new("--catalogue")
    {
        Description = $"The catalogue of originals (SQLite): every original ever read, matched against and added to. Default: {defaultText}.",
        HelpName = "PATH",
    };

    /// <summary>PARTNERS.catalogue.db beside the partner list.</summary>
    public static string DefaultPath(string partnerList)
    {
        var full = Path.GetFullPath(partnerList);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", Path.GetFileNameWithoutExtension(full) + ".catalogue.db");
    }

    /// <summary>The catalogue a command uses, or null when none is named (check without a catalogue).</summary>
    public static string? PathFor(string? given, PartnerList? list) =>
        given
        ?? (list is null ? null : list.Settings.Catalogue ?? DefaultPath(list.Source))
        ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);

    /// <summary>Opens it; its problems are CatalogueExceptions, which the CLI prints as one line with exit 3.</summary>
    public static CatalogueStore Open(string path, bool create) => CatalogueStore.Open(path, create);
}
