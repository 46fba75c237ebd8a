namespace Syndication.Text;

public enum NameMatchKind
{
    /// <summary>The whole name (a middle initial may be added or left out).</summary>
    Full,

    /// <summary>Only part of the name, e.g. the first name alone.</summary>
    Partial,
}
