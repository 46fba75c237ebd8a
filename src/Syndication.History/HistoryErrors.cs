using System.Text.Json;
using Microsoft.Data.Sqlite;
using Syndication.Files;

namespace Syndication.History;

/// <summary>
/// What went wrong with a history file, in one line naming the file and the cause (<see cref="SqliteProblems"/>'s
/// words: "the disk is full", "the file is read-only", "the file is damaged", "another program holds a lock on it"),
/// with SQLite's own words after it.
/// </summary>
public static class HistoryErrors
{
    /// <summary>Whether the exception is one this class names (a SQLite failure, a file refused, or a damaged stored value).</summary>
    public static bool IsHistoryFailure(Exception e) => e is SqliteException or SqliteFileException or InvalidDataException or JsonException or InvalidCastException;

    /// <summary>The one-line error for a failure while using the history at <paramref name="path"/>.</summary>
    public static HistoryException Named(string path, Exception e) => e switch
    {
        HistoryException named => named,
        SqliteException sqlite => new HistoryException($"history {path}: {SqliteProblems.Describe(sqlite)}", e),
        SqliteFileException refused => new HistoryException($"history {path}: {refused.Message}", e),
        _ => new HistoryException($"history {path}: a stored value is damaged ({e.Message.ReplaceLineEndings(" ").TrimEnd('.')}); run 'PRAGMA integrity_check' on it, or restore it from a backup", e),
    };
}
