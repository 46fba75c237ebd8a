using System.Reflection;

namespace Syndication.Pipeline;

/// <summary>The tool's name and version as reports print them.</summary>
public static class ToolInfo
{
    public const string Name = "syndication";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
