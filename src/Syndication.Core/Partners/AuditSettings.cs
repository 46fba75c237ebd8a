namespace Syndication.Partners;

/// <summary>Run settings kept in a partner list; command-line options override them.</summary>
public sealed record AuditSettings
{
    public IReadOnlyList<string> Originals { get; init; } = [];

    public string? Profile { get; init; }

    public int? Concurrency { get; init; }

    public int? PerHost { get; init; }

    public double? TimeoutSeconds { get; init; }

    public double? BudgetMinutes { get; init; }

    public IReadOnlyList<string> Formats { get; init; } = [];

    public string? OutputDir { get; init; }

    public string? UserAgent { get; init; }

    public bool? RespectRobots { get; init; }

    public string? History { get; init; }

    public string? Cache { get; init; }

    /// <summary>The most candidate pages discovery fetches from one site in one night (settings.discovery.maxPages).</summary>
    public int? DiscoveryMaxPages { get; init; }
    /// <summary>The catalogue of originals (SQLite); default PARTNERS.catalogue.db beside the list.</summary>
    public string? Catalogue { get; init; }

    /// <summary>settings.render: never, auto or always; <c>--render</c> overrides it.</summary>
    public Rendering.RenderMode? Render { get; init; }
}
