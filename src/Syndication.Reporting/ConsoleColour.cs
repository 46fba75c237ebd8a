namespace Syndication.Reporting;

/// <summary>
/// Whether the console report may use colour: only on an interactive terminal, never when standard output is
/// redirected, when NO_COLOR is set to anything (no-color.org) or when TERM is "dumb".
/// </summary>
public static class ConsoleColour
{
    public static bool Enabled(bool outputRedirected, Func<string, string?> environment) =>
        !outputRedirected
        && string.IsNullOrEmpty(environment("NO_COLOR"))
        && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
}
