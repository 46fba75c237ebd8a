using System.Globalization;
using System.Text.RegularExpressions;
using Syndication.Profiles;

namespace Syndication.Requirements;

/// <summary>
/// A requirement's options as the profile set them, checked against its kind's <see cref="RequirementOption"/>s when
/// the profile loads: unknown names list the valid ones, and every value has its type. Unset options read as their
/// default.
/// </summary>
public sealed class RequirementOptions
{
    private readonly Dictionary<string, object> _values;

    private RequirementOptions(Dictionary<string, object> values) => _values = values;

    public static RequirementOptions None { get; } = new([]);

    /// <summary>Reads and checks <paramref name="raw"/> (YAML scalars and sequences); <paramref name="field"/> names it in errors.</summary>
    public static RequirementOptions Read(IRequirementKind kind, IReadOnlyDictionary<string, object?> raw, string field)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            var option = kind.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new ProfileException($"{field}: unknown option '{name}' for {kind.Id}; valid: {Valid(kind)}");
            values[name] = Convert(option, value, $"{field}.{name}");
        }

        foreach (var option in kind.Options)
        {
            if (!values.ContainsKey(option.Name))
            {
                if (option.Required)
                {
                    throw new ProfileException($"{field}: {kind.Id} needs the option '{option.Name}' ({option.Meaning})");
                }

                if (option.Default is not null)
                {
                    values[option.Name] = Convert(option, option.Default, $"{field}.{option.Name} (default)");
                }
            }
        }

        return new RequirementOptions(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Each option that has a value (set, or its default) as a profile would write it, in the kind's order.</summary>
    public IEnumerable<(string Name, string Value)> Described(IRequirementKind kind) =>
        kind.Options.Where(o => _values.ContainsKey(o.Name)).Select(o => (o.Name, Show(_values[o.Name])));

    private static string Show(object value) => value switch
    {
        List<string> { Count: 1 } one => one[0],
        List<string> list => "[" + string.Join(", ", list) + "]",
        List<Regex> { Count: 1 } pattern => $"'{pattern[0]}'",
        List<Regex> patterns => "[" + string.Join(", ", patterns.Select(p => $"'{p}'")) + "]",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    public string? Text(string name) => _values.TryGetValue(name, out var v) ? (string)v : null;

    public IReadOnlyList<string> Texts(string name) => _values.TryGetValue(name, out var v) ? (List<string>)v : [];

    public int? Number(string name) => _values.TryGetValue(name, out var v) ? (int)v : null;

    public bool Flag(string name) => _values.TryGetValue(name, out var v) && (bool)v;

    public string? Choice(string name) => Text(name);

    public IReadOnlyList<string> Choices(string name) => Texts(name);

    public IReadOnlyList<Regex> Patterns(string name) => _values.TryGetValue(name, out var v) ? (List<Regex>)v : [];

    private static string Valid(IRequirementKind kind) =>
        kind.Options.Count == 0 ? "none (it takes no options)" : string.Join(", ", kind.Options.Select(o => o.Name));

    private static object Convert(RequirementOption option, object? value, string field)
    {
        switch (option.Type)
        {
            case OptionType.Text:
                return Scalar(value, field);
            case OptionType.Texts:
                return List(value, field);
            case OptionType.Number:
                var text = Scalar(value, field);
                if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < option.Minimum)
                {
                    throw new ProfileException($"{field}: expected a whole number of at least {option.Minimum}, not \"{text}\"");
                }

                return number;
            case OptionType.Flag:
                var flag = Scalar(value, field);
                return flag.ToLowerInvariant() switch
                {
                    "true" or "yes" => true,
                    "false" or "no" => false,
                    _ => throw new ProfileException($"{field}: expected true or false, not \"{flag}\""),
                };
            case OptionType.Choice:
                return OneOf(option, Scalar(value, field), field);
            case OptionType.Choices:
                return List(value, field).Select(v => OneOf(option, v, field)).ToList();
            case OptionType.Patterns:
                return List(value, field).Select(p => Pattern(p, field)).ToList();
            default:
                throw new ArgumentOutOfRangeException(nameof(option));
        }
    }

    private static string OneOf(RequirementOption option, string value, string field) =>
        option.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase))
            ?? throw new ProfileException($"{field}: \"{value}\" is not one of {string.Join(", ", option.Choices)}");

    private static string Scalar(object? value, string field) => value switch
    {
        string s when !string.IsNullOrWhiteSpace(s) => s.Trim(),
        string or null => throw new ProfileException($"{field}: a value is needed"),
        _ => throw new ProfileException($"{field}: expected a single value, not a {(value is IDictionary<object, object> ? "mapping" : "list")}"),
    };

    private static List<string> List(object? value, string field) => value switch
    {
        IList<object> list when list.Count > 0 => list.Select((v, i) => Scalar(v, $"{field}[{i}]")).ToList(),
        IList<object> => throw new ProfileException($"{field}: an empty list"),
        _ => [Scalar(value, field)],
    };

    private static Regex Pattern(string pattern, string field)
    {
        try
        {
            return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new ProfileException($"{field}: invalid regular expression '{pattern}': {e.Message}", e);
        }
    }
}
