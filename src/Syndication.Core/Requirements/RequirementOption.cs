namespace Syndication.Requirements;

/// <summary>One option of a requirement kind: its name in the profile, its type, what it means and its default.</summary>
public sealed record RequirementOption(string Name, OptionType Type, string Meaning)
{
    /// <summary>The value used when the profile does not set it, as the profile would write it; null when there is none.</summary>
    public string? Default { get; init; }

    /// <summary>The values a <see cref="OptionType.Choice"/> or <see cref="OptionType.Choices"/> option accepts.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public bool Required { get; init; }

    /// <summary>The smallest value a <see cref="OptionType.Number"/> accepts.</summary>
    public int Minimum { get; init; }
}
