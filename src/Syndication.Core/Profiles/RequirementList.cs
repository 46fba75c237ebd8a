using System.Text.RegularExpressions;
using Syndication.Requirements;

namespace Syndication.Profiles;

/// <summary>
/// A profile's <c>requirements:</c> list. Each entry is a kind's id (<c>logo</c>), a kind with its options
/// (<c>credit-line: { text: "...", where: top }</c>), or a mapping with <c>kind:</c>, an optional <c>id:</c> and the
/// options. A kind listed twice needs an id of the form <c>KIND.NAME</c>, so reports and waivers tell them apart.
/// </summary>
internal static partial class RequirementList
{
    /// <summary>What a profile that lists no requirements asks: the DCNF licence's three.</summary>
    private static readonly string[] Default = ["logo", "byline", "affiliation"];

    public static List<RequirementSettings> Read(List<object>? entries, string source)
    {
        if (entries is null || entries.Count == 0)
        {
            return [.. Default.Select(id => new RequirementSettings(id, RequirementCatalogue.Find(id)!, RequirementOptions.None))];
        }

        var list = new List<RequirementSettings>();
        for (var i = 0; i < entries.Count; i++)
        {
            var requirement = Entry(entries[i], $"{source}: requirements[{i}]");
            if (list.Any(r => r.Id == requirement.Id))
            {
                throw new ProfileException($"{source}: requirements[{i}]: '{requirement.Id}' is listed twice; give the second an id such as '{requirement.Kind.Id}.second'");
            }

            list.Add(requirement);
        }

        return list;
    }

    private static RequirementSettings Entry(object? entry, string field)
    {
        switch (entry)
        {
            case string id:
                return Build(id.Trim(), null, new Dictionary<string, object?>(), field);
            case IDictionary<object, object?> map when map.ContainsKey("kind"):
                var options = Options(map, field);
                options.Remove("kind");
                options.Remove("id");
                var kind = map["kind"] as string ?? throw new ProfileException($"{field}.kind: expected a requirement kind's id");
                return Build(kind.Trim(), map.TryGetValue("id", out var named) ? named as string ?? throw new ProfileException($"{field}.id: expected a text") : null, options, field);
            case IDictionary<object, object?> { Count: 1 } single:
                var (key, value) = single.First();
                var name = key as string ?? string.Empty;
                var settings = value switch
                {
                    null => new Dictionary<string, object?>(),
                    IDictionary<object, object?> m => Options(m, $"{field}.{name}"),
                    _ => throw new ProfileException($"{field}.{name}: expected the requirement's options as a mapping (option: value)"),
                };
                return Build(name.Trim(), null, settings, field);
            case IDictionary<object, object?>:
                throw new ProfileException($"{field}: a mapping with several keys needs 'kind:' (the requirement kind's id)");
            default:
                throw new ProfileException($"{field}: expected a requirement kind's id or a mapping; {RequirementCatalogue.Valid}");
        }
    }

    private static RequirementSettings Build(string id, string? explicitId, Dictionary<string, object?> options, string field)
    {
        var requirementId = explicitId?.Trim() ?? id;
        var kindId = explicitId is null ? RequirementCatalogue.KindOf(id) : id;
        var kind = RequirementCatalogue.Find(kindId)
            ?? throw new ProfileException($"{field}: unknown requirement '{kindId}'; {RequirementCatalogue.Valid}");
        if (requirementId != kind.Id && !(requirementId.StartsWith(kind.Id + ".", StringComparison.Ordinal) && IdShape().IsMatch(requirementId)))
        {
            throw new ProfileException($"{field}: the id '{requirementId}' must be '{kind.Id}' or '{kind.Id}.NAME' (lower-case letters, digits and '-')");
        }

        var read = RequirementOptions.Read(kind, options, $"{field} ({requirementId})");
        var settings = new RequirementSettings(requirementId, kind, read);
        try
        {
            // A kind may refuse options its schema cannot express (an unknown placeholder in a text): say so now.
            kind.Create(settings);
        }
        catch (ProfileException e)
        {
            throw new ProfileException($"{field} ({requirementId}): {e.Message}", e);
        }

        return settings;
    }

    private static Dictionary<string, object?> Options(IDictionary<object, object?> map, string field)
    {
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (key is not string name)
            {
                throw new ProfileException($"{field}: option names are text");
            }

            options[name] = value;
        }

        return options;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*\\.[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdShape();
}
