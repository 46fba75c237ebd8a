using System.Globalization;
using Syndication.Profiles;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Syndication.Partners;

/// <summary>
/// Reads a partner list in YAML (README "Partner list"). Validation errors name the file, the line and the field
/// ("partners.yaml:14: partners[2].pages[0]: a page needs a URL or a file path"); unknown keys list the valid ones.
/// </summary>
public sealed class YamlPartnerListReader
{
    private static readonly string[] TopKeys = ["settings", "partners", "watch", "waivers"];
    private static readonly string[] SettingKeys = ["originals", "profile", "concurrency", "perHost", "timeout", "budget", "formats", "outputDir", "userAgent", "robots", "history", "cache", "catalogue", "discovery", "render"];
    private static readonly string[] PartnerKeys = ["name", "contact", "notes", "robots", "pages", "site", "sitemaps", "feeds", "discovery", "render", "profile", "originals"];
    private static readonly string[] WatchKeys = ["name", "notes", "robots", "site", "sitemaps", "feeds", "discovery"];
    private static readonly string[] DiscoveryKeys = ["maxPages"];
    private static readonly string[] PageKeys = ["url", "file", "original", "profile"];
    private static readonly string[] WaiverKeys = ["partner", "page", "requirement", "reason", "agreedBy", "expires"];

    private readonly string _source;
    private readonly string _folder;
    private readonly List<string> _refused = [];

    private YamlPartnerListReader(string source)
    {
        _source = source;
        _folder = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
    }

    public static PartnerList Read(string path, string text) => new YamlPartnerListReader(path).ReadRoot(Load(path, text));

    /// <summary>Only the settings of the list (see <see cref="PartnerListReader.ReadSettings"/>).</summary>
    public static AuditSettings ReadSettings(string path, string text)
    {
        var root = Load(path, text);
        var reader = new YamlPartnerListReader(path);
        return root.Children.TryGetValue(new YamlScalarNode("settings"), out var s) ? reader.ReadSettings(reader.Mapping(s, "settings")) : new AuditSettings();
    }

    private static YamlMappingNode Load(string path, string text)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            throw new PartnerListException($"{path}:{e.Start.Line}: {FirstLine(e.Message)}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some broken flow collections ("[a, b" left open across lines).
            throw new PartnerListException($"{path}:{scanner.CurrentPosition.Line}: not valid YAML by this line (is a '[' or '{{' left unclosed above?)", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PartnerListException($"{path}:1: the partner list must be a mapping with 'partners' (and optionally 'settings')");
        }

        return root;
    }

    private PartnerList ReadRoot(YamlMappingNode root)
    {
        CheckKeys(root, TopKeys, "the partner list");
        var settings = root.Children.TryGetValue(new YamlScalarNode("settings"), out var s) ? ReadSettings(Mapping(s, "settings")) : new AuditSettings();
        if (!root.Children.TryGetValue(new YamlScalarNode("partners"), out var p))
        {
            throw Error(root, "partners", "the list has no 'partners'");
        }

        var partners = new List<Partner>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var node in Sequence(p, "partners"))
        {
            var field = $"partners[{index++}]";
            Refusable(() =>
            {
                var partner = ReadPartner(node, field);
                if (!names.Add(partner.Name))
                {
                    throw Error(node, field + ".name", $"partner \"{partner.Name}\" is listed twice");
                }

                partners.Add(partner);
            }, () => names.Add(NameOf(node)));
        }

        var watched = new List<WatchedSite>();
        if (root.Children.TryGetValue(new YamlScalarNode("watch"), out var watch))
        {
            var i = 0;
            foreach (var node in Sequence(watch, "watch"))
            {
                var field = $"watch[{i++}]";
                Refusable(() =>
                {
                    var site = ReadWatched(node, field);
                    if (!names.Add(site.Name))
                    {
                        throw Error(node, field + ".name", $"\"{site.Name}\" is already the name of a partner or another watched site");
                    }

                    watched.Add(site);
                });
            }
        }

        var waivers = new List<Waiver>();
        if (root.Children.TryGetValue(new YamlScalarNode("waivers"), out var w))
        {
            var i = 0;
            foreach (var node in Sequence(w, "waivers"))
            {
                var field = $"waivers[{i++}]";
                Refusable(() => waivers.Add(ReadWaiver(node, field, names)));
            }
        }

        return new PartnerList(_source, settings, partners) { Waivers = waivers, Watched = watched, Refused = _refused };
    }

    /// <summary>
    /// Reads one entry (a partner, a page, a watched site, a waiver); a malformed one is refused alone, with its line,
    /// and the rest of the list is still read: one typo must not stop the audit of every other page.
    /// </summary>
    /// <param name="refused">What to keep of a refused entry (a partner's name, so its waivers are not refused too).</param>
    private void Refusable(Action read, Action? refused = null)
    {
        try
        {
            read();
        }
        catch (PartnerListException e)
        {
            _refused.Add(e.Message);
            refused?.Invoke();
        }
    }

    private static string NameOf(YamlNode node) =>
        node is YamlMappingNode map && Scalar(map, "name") is { } name ? name.Trim() : string.Empty;

    private Waiver ReadWaiver(YamlNode node, string field, HashSet<string> partners)
    {
        var map = Mapping(node, field);
        CheckKeys(map, WaiverKeys, field);
        var partner = Scalar(map, "partner");
        var page = Scalar(map, "page");
        if (partner is null && page is null)
        {
            throw Error(map, field, "a waiver names a partner, a page pattern, or both");
        }

        if (partner is not null && !partners.Contains(partner))
        {
            throw Error(At(map, "partner"), field + ".partner", $"no partner \"{partner}\" in the list");
        }

        var requirement = Scalar(map, "requirement");
        if (requirement is not null && !Requirements.RequirementCatalogue.IsRequirementId(requirement))
        {
            throw Error(At(map, "requirement"), field + ".requirement", $"unknown requirement '{requirement}'; {Requirements.RequirementCatalogue.Valid}");
        }

        var reason = Scalar(map, "reason") ?? throw Error(map, field + ".reason", "a waiver says why it was agreed");
        var agreedBy = Scalar(map, "agreedBy") ?? throw Error(map, field + ".agreedBy", "a waiver says who agreed to it");
        var expires = Scalar(map, "expires");
        if (!DateOnly.TryParseExact(expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw Error(At(map, "expires"), field + ".expires", $"expected a date like 2027-01-31, not \"{expires}\"");
        }

        if (page is not null && !page.Contains("://", StringComparison.Ordinal) && !page.StartsWith('*'))
        {
            page = KeyedPath(At(map, "page"), field + ".page", page);
        }

        return new Waiver(partner, page, requirement, reason, agreedBy, date, (int)map.Start.Line);
    }

    private AuditSettings ReadSettings(YamlMappingNode node)
    {
        CheckKeys(node, SettingKeys, "settings");
        return new AuditSettings
        {
            Originals = Strings(node, "originals", "settings.originals").Select(o => ResolveLocation(At(node, "originals"), "settings.originals", o)).ToList(),
            Profile = Profile(node, "settings.profile"),
            Concurrency = Int(node, "concurrency", "settings.concurrency", 1, 1024),
            PerHost = Int(node, "perHost", "settings.perHost", 1, 64),
            TimeoutSeconds = Number(node, "timeout", "settings.timeout"),
            BudgetMinutes = Number(node, "budget", "settings.budget"),
            Formats = Strings(node, "formats", "settings.formats"),
            OutputDir = Scalar(node, "outputDir") is { } dir ? ResolvePath(At(node, "outputDir"), "settings.outputDir", dir) : null,
            UserAgent = Scalar(node, "userAgent"),
            RespectRobots = Robots(node, "settings.robots"),
            History = Scalar(node, "history") is { } history ? ResolvePath(At(node, "history"), "settings.history", history) : null,
            Cache = Scalar(node, "cache") is { } cache ? ResolvePath(At(node, "cache"), "settings.cache", cache) : null,
            DiscoveryMaxPages = MaxPages(node, "settings.discovery"),
            Catalogue = Scalar(node, "catalogue") is { } catalogue ? ResolvePath(At(node, "catalogue"), "settings.catalogue", catalogue) : null,
            Render = Render(node, "settings.render"),
        };
    }

    /// <summary>discovery: { maxPages: N } under settings, a partner or a watched site.</summary>
    private int? MaxPages(YamlMappingNode node, string field)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode("discovery"), out var value))
        {
            return null;
        }

        var map = Mapping(value, field);
        CheckKeys(map, DiscoveryKeys, field);
        return Int(map, "maxPages", field + ".maxPages", 1, 1_000_000);
    }

    /// <summary>
    /// site, sitemaps and feeds of a partner or a watched site: null when none is given. Sitemaps and feeds refine
    /// where to look on a site, so they need the site (it says which host the pages must be on).
    /// </summary>
    private SiteSources? ReadSite(YamlMappingNode map, string field)
    {
        var site = Scalar(map, "site");
        var sitemaps = Strings(map, "sitemaps", field + ".sitemaps");
        var feeds = Strings(map, "feeds", field + ".feeds");
        if (site is null)
        {
            if (sitemaps.Count > 0 || feeds.Count > 0 || map.Children.ContainsKey(new YamlScalarNode("discovery")))
            {
                throw Error(map, field + ".site", "sitemaps, feeds and discovery need the site they belong to (site: https://www.example.com/)");
            }

            return null;
        }

        return new SiteSources(
            WebUrl(At(map, "site"), field + ".site", site),
            sitemaps.Select((url, i) => WebUrl(At(map, "sitemaps"), $"{field}.sitemaps[{i}]", url)).ToList(),
            feeds.Select((url, i) => WebUrl(At(map, "feeds"), $"{field}.feeds[{i}]", url)).ToList())
        {
            MaxPages = MaxPages(map, field + ".discovery"),
        };
    }

    private Uri WebUrl(YamlNode node, string field, string value) =>
        SiteUrls.Parse(value) ?? throw Error(node, field, $"\"{PartnerPage.Printable(value)}\" is not an http(s) URL");

    private WatchedSite ReadWatched(YamlNode node, string field)
    {
        var map = Mapping(node, field);
        CheckKeys(map, WatchKeys, field);
        var site = ReadSite(map, field) ?? throw Error(map, field + ".site", "a watched site needs its site (site: https://www.example.com/)");
        var name = Scalar(map, "name")?.Trim() is { Length: > 0 } given ? given : site.Site.Host;
        return new WatchedSite(name, Scalar(map, "notes"), Robots(map, field + ".robots") == false, site);
    }

    private Partner ReadPartner(YamlNode node, string field)
    {
        var map = Mapping(node, field);
        CheckKeys(map, PartnerKeys, field);
        var name = Scalar(map, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error(At(map, "name"), field + ".name", "a partner needs a name");
        }

        var site = ReadSite(map, field);
        if (!map.Children.TryGetValue(new YamlScalarNode("pages"), out var pagesNode) && site is null)
        {
            throw Error(map, field + ".pages", $"partner \"{name}\" has no pages and no site to discover them on");
        }

        var pages = new List<PartnerPage>();
        var index = 0;
        foreach (var page in pagesNode is null ? [] : Sequence(pagesNode, field + ".pages"))
        {
            var pageField = $"{field}.pages[{index++}]";
            Refusable(() => pages.Add(ReadPage(page, pageField)));
        }

        return new Partner(name.Trim(), Scalar(map, "contact"), Scalar(map, "notes"), Robots(map, field + ".robots") == false, pages)
        {
            Site = site,
            Render = Render(map, field + ".render"),
            Profile = Profile(map, field + ".profile"),
            Originals = Strings(map, "originals", field + ".originals").Select(o => ResolveLocation(At(map, "originals"), field + ".originals", o)).ToList(),
        };
    }

    private PartnerPage ReadPage(YamlNode node, string field)
    {
        if (node is YamlScalarNode scalar)
        {
            return new PartnerPage(Location(scalar.Value, node, field)) { Line = node.Start.Line };
        }

        var map = Mapping(node, field);
        CheckKeys(map, PageKeys, field);
        var location = Scalar(map, "url") ?? Scalar(map, "file");
        return new PartnerPage(Location(location, node, field), Scalar(map, "original")) { Line = node.Start.Line, Profile = Profile(map, field + ".profile") };
    }

    private string Location(string? value, YamlNode node, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Error(node, field, "a page needs a URL or a file path");
        }

        try
        {
            return PartnerPage.ResolveLocation(value, _folder);
        }
        catch (FormatException e)
        {
            throw Error(node, field, e.Message);
        }
    }

    private string ResolveLocation(YamlNode node, string field, string value) =>
        value.Contains("://", StringComparison.Ordinal) ? value : ResolvePath(node, field, value);

    /// <summary>A waiver's page pattern for a file, written as the pages are keyed (relative to the list when written so).</summary>
    private string KeyedPath(YamlNode node, string field, string value)
    {
        try
        {
            return PartnerPage.KeyedPath(value, _folder);
        }
        catch (FormatException e)
        {
            throw Error(node, field, e.Message);
        }
    }

    private string ResolvePath(YamlNode node, string field, string value)
    {
        try
        {
            return PartnerPage.FullPath(value, _folder);
        }
        catch (FormatException e)
        {
            throw Error(node, field, e.Message);
        }
    }

    /// <summary>profile: a built-in profile's name as it is, or a profile file's path resolved against the list's folder.</summary>
    private string? Profile(YamlMappingNode node, string field) =>
        Scalar(node, "profile") is { } profile
            ? ProfileLoader.IsBuiltIn(profile) ? profile : ResolvePath(At(node, "profile"), field, profile)
            : null;

    /// <summary>render: never, auto or always (README "Rendered pages").</summary>
    private Rendering.RenderMode? Render(YamlMappingNode node, string field)
    {
        try
        {
            return Scalar(node, "render") is { } value ? Rendering.RenderModes.Parse(value) : null;
        }
        catch (FormatException e)
        {
            throw Error(At(node, "render"), field, e.Message);
        }
    }

    private bool? Robots(YamlMappingNode node, string field)
    {
        var value = Scalar(node, "robots");
        return value?.ToLowerInvariant() switch
        {
            null => null,
            "respect" or "true" or "yes" => true,
            "ignore" or "false" or "no" => false,
            _ => throw Error(node, field, $"robots must be 'respect' or 'ignore', not \"{value}\""),
        };
    }

    private void CheckKeys(YamlMappingNode node, string[] valid, string field)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!valid.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, field, $"unknown key '{name}'; valid keys: {string.Join(", ", valid)}");
            }
        }
    }

    private YamlMappingNode Mapping(YamlNode node, string field) =>
        node as YamlMappingNode ?? throw Error(node, field, "expected a mapping (key: value lines)");

    private IEnumerable<YamlNode> Sequence(YamlNode node, string field) =>
        node as YamlSequenceNode ?? throw Error(node, field, "expected a list (lines starting with '- ')");

    /// <summary>Where a field's value is, so an error names its line; the mapping itself when the field is missing.</summary>
    private static YamlNode At(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : node;

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar && !string.IsNullOrEmpty(scalar.Value) ? scalar.Value : null;

    private List<string> Strings(YamlMappingNode node, string key, string field)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return [];
        }

        return value switch
        {
            YamlScalarNode { Value: { Length: > 0 } one } => [one],
            YamlSequenceNode list => list.Select((item, i) => (item as YamlScalarNode)?.Value ?? throw Error(item, $"{field}[{i}]", "expected text")).ToList(),
            _ => throw Error(value, field, "expected text or a list"),
        };
    }

    private int? Int(YamlMappingNode node, string key, string field, int min, int max)
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(node.Children[new YamlScalarNode(key)], field, $"expected a whole number from {min} to {max}, not \"{text}\"");
    }

    private double? Number(YamlMappingNode node, string key, string field)
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw Error(node.Children[new YamlScalarNode(key)], field, $"expected a number greater than 0, not \"{text}\"");
    }

    private PartnerListException Error(YamlNode node, string field, string message) =>
        new($"{_source}:{node.Start.Line}: {field}: {message}");

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
