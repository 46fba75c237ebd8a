using System.Text.RegularExpressions;
using Syndication.Fetching;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Syndication.Profiles;

/// <summary>
/// Reads a licence profile from YAML (JSON is YAML too). The built-in profiles (DCNF and the licensors whose public
/// terms the tool encodes) are embedded; <c>--profile NAME</c> picks one, <c>--profile FILE</c> reads a file.
/// </summary>
public static class ProfileLoader
{
    public const string BuiltInId = "dcnf";

    /// <summary>The built-in profiles' names, as <c>--profile</c> and <c>extends:</c> take them.</summary>
    public static IReadOnlyList<string> BuiltInIds { get; } =
    [
        .. typeof(ProfileLoader).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Syndication.Profiles.", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n["Syndication.Profiles.".Length..^".yaml".Length])
            .OrderBy(n => n == BuiltInId ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal),
    ];

    private static readonly Dictionary<string, Lazy<LicenceProfile>> BuiltIns = BuiltInIds.ToDictionary(
        id => id,
        id => new Lazy<LicenceProfile>(() => Parse(BuiltInText(id), $"built-in profile {id}")),
        StringComparer.OrdinalIgnoreCase);

    public static LicenceProfile BuiltIn => BuiltIns[BuiltInId].Value;

    /// <summary>Whether <paramref name="name"/> names a built-in profile (case-insensitive).</summary>
    public static bool IsBuiltIn(string name) => BuiltIns.ContainsKey(name);

    /// <summary>"built-in profiles: dcnf, calmatters, ..." for error messages.</summary>
    public static string BuiltInList => "built-in profiles: " + string.Join(", ", BuiltInIds);

    /// <summary>Loads a built-in profile by its name, or a profile file by its path.</summary>
    public static LicenceProfile Load(string pathOrId)
    {
        if (BuiltIns.TryGetValue(pathOrId, out var builtIn))
        {
            return builtIn.Value;
        }

        if (!File.Exists(pathOrId))
        {
            throw new ProfileException($"profile file not found: {pathOrId} ({BuiltInList})");
        }

        try
        {
            return Parse(File.ReadAllText(pathOrId), pathOrId, Path.GetDirectoryName(Path.GetFullPath(pathOrId)));
        }
        catch (IOException e)
        {
            throw new ProfileException($"cannot read profile {pathOrId}: {e.Message}", e);
        }
    }

    private static string BuiltInText(string id)
    {
        using var stream = typeof(ProfileLoader).Assembly.GetManifestResourceStream($"Syndication.Profiles.{id}.yaml")
            ?? throw new InvalidOperationException($"the built-in profile {id} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a profile; <paramref name="directory"/> is where its relative paths (reference logos) start.</summary>
    public static LicenceProfile Parse(string yaml, string source, string? directory = null)
    {
        var doc = Document(yaml, source);
        if (doc.Extends is { } extends)
        {
            if (!IsBuiltIn(extends))
            {
                throw new ProfileException($"{source}: extends: unknown profile '{extends}'; {BuiltInList}");
            }

            doc = doc.Over(Document(BuiltInText(BuiltIns.Keys.First(k => string.Equals(k, extends, StringComparison.OrdinalIgnoreCase))), $"built-in profile {extends}"));
        }

        var licensor = Required(doc.Licensor, "licensor", source);
        var names = doc.Names is { Count: > 0 } ? doc.Names : [licensor];
        var requirements = RequirementList.Read(doc.Requirements, source);

        var logo = new LogoRecognition(
            doc.Logo?.Urls ?? [],
            Patterns(doc.Logo?.FileNames, "logo.fileNames", source),
            Patterns(doc.Logo?.NotFileNames, "logo.notFileNames", source))
        {
            Images = ReferenceImages(doc.Logo?.Images, source, directory),
        };
        return new LicenceProfile(
            doc.Id ?? Path.GetFileNameWithoutExtension(source),
            licensor,
            names,
            doc.NotNames ?? [],
            requirements,
            logo,
            Patterns(doc.Boilerplate, "boilerplate", source),
            Site(doc.Site, source))
        {
            LicenceText = string.IsNullOrWhiteSpace(doc.Licence) ? null : doc.Licence.Trim(),
        };
    }

    private static LicensorSite? Site(SiteDocument? site, string source)
    {
        if (site is null)
        {
            return null;
        }

        var url = WebUrl(site.Url, "site.url", source) ?? throw new ProfileException($"{source}: 'site.url' is required when 'site' is given (the licensor's home page)");
        return new LicensorSite(
            url,
            (site.Feeds ?? []).Select((f, i) => WebUrl(f, $"site.feeds[{i}]", source)!).ToList(),
            (site.Sitemaps ?? []).Select((f, i) => WebUrl(f, $"site.sitemaps[{i}]", source)!).ToList(),
            WebUrl(site.Api, "site.api", source));
    }

    private static Uri? WebUrl(string? text, string field, string source)
    {
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new ProfileException($"{source}: {field}: \"{text}\" is not an http(s) URL");
    }

    private static ProfileDocument Document(string yaml, string source)
    {
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(CamelCaseNamingConvention.Instance)
                .Build();
            return deserializer.Deserialize<ProfileDocument>(yaml) ?? throw new ProfileException($"{source}: the profile is empty");
        }
        catch (YamlException e)
        {
            throw new ProfileException($"{source}: line {e.Start.Line}: {FirstLine(e.InnerException?.Message ?? e.Message)}", e);
        }
    }

    /// <summary>Reference logos: http(s) URLs, or file paths relative to the profile's folder (a built-in profile has none).</summary>
    private static List<PageAddress> ReferenceImages(List<string>? images, string source, string? directory)
    {
        var list = new List<PageAddress>();
        foreach (var image in images ?? [])
        {
            if (string.IsNullOrWhiteSpace(image))
            {
                throw new ProfileException($"{source}: logo.images: an empty entry");
            }

            var isUrl = Uri.TryCreate(image.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
            if (!isUrl && directory is null)
            {
                throw new ProfileException($"{source}: logo.images: '{image}' is not an http(s) URL (a built-in profile cannot name files)");
            }

            try
            {
                list.Add(PageAddress.Parse(image, directory));
            }
            catch (FormatException e)
            {
                throw new ProfileException($"{source}: logo.images: {e.Message}", e);
            }
        }

        return list;
    }

    private static string Required(string? value, string field, string source) =>
        string.IsNullOrWhiteSpace(value) ? throw new ProfileException($"{source}: '{field}' is required") : value;

    private static List<Regex> Patterns(List<string>? patterns, string field, string source)
    {
        var list = new List<Regex>();
        foreach (var pattern in patterns ?? [])
        {
            try
            {
                list.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException e)
            {
                throw new ProfileException($"{source}: {field}: invalid regular expression '{pattern}': {e.Message}", e);
            }
        }

        return list;
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private sealed class ProfileDocument
    {
        public string? Extends { get; set; }

        public string? Id { get; set; }

        public string? Licensor { get; set; }

        public List<string>? Names { get; set; }

        public List<string>? NotNames { get; set; }

        /// <summary>Kind ids, or mappings of a kind and its options (<see cref="RequirementList"/>).</summary>
        public List<object>? Requirements { get; set; }

        public LogoDocument? Logo { get; set; }

        public List<string>? Boilerplate { get; set; }

        public SiteDocument? Site { get; set; }

        public string? Licence { get; set; }

        /// <summary>This profile with what it leaves out taken from <paramref name="parent"/> (the logo field by field).</summary>
        public ProfileDocument Over(ProfileDocument parent) => new()
        {
            Id = Id,
            Licensor = Licensor ?? parent.Licensor,
            Names = Names ?? parent.Names,
            NotNames = NotNames ?? parent.NotNames,
            Requirements = Requirements ?? parent.Requirements,
            Boilerplate = Boilerplate ?? parent.Boilerplate,
            Site = Site ?? parent.Site,
            Licence = Licence ?? parent.Licence,
            Logo = Logo is null ? parent.Logo : new LogoDocument
            {
                Urls = Logo.Urls ?? parent.Logo?.Urls,
                FileNames = Logo.FileNames ?? parent.Logo?.FileNames,
                NotFileNames = Logo.NotFileNames ?? parent.Logo?.NotFileNames,
                Images = Logo.Images ?? parent.Logo?.Images,
            },
        };
    }

    private sealed class LogoDocument
    {
        public List<string>? Urls { get; set; }

        public List<string>? FileNames { get; set; }

        public List<string>? NotFileNames { get; set; }

        public List<string>? Images { get; set; }
    }

    private sealed class SiteDocument
    {
        public string? Url { get; set; }

        public List<string>? Feeds { get; set; }

        public List<string>? Sitemaps { get; set; }

        public string? Api { get; set; }
    }
}
