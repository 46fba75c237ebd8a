namespace Syndication.Requirements;

/// <summary>What an option's value may be. A list option also accepts a single value.</summary>
public enum OptionType
{
    /// <summary>A line of text.</summary>
    Text,

    /// <summary>One or more lines of text.</summary>
    Texts,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>One of <see cref="RequirementOption.Choices"/>.</summary>
    Choice,

    /// <summary>One or more of <see cref="RequirementOption.Choices"/>.</summary>
    Choices,

    /// <summary>One or more regular expressions (case-insensitive).</summary>
    Patterns,
}
