namespace Syndication.History;

/// <summary>
/// What a run covered, in its runs.shard column: nothing for the whole list; "K/N" for a shard (in its own file);
/// "part ..." for an audit of part of the list (audit --partner, --page), which updates the pages it checked like any
/// run but is never the default "last two runs" of diff.
/// </summary>
public static class HistoryScope
{
    public const string Part = "part ";

    public static bool IsPart(string? shard) => shard is not null && shard.StartsWith(Part, StringComparison.Ordinal);
}
