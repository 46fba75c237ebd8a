using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Syndication.History;

/// <summary>
/// What went wrong with a history file, in one line naming the file and the cause: "the disk is full", "the file is
/// read-only", "the file is damaged", "another program holds a lock on it", with SQLite's own words after it.
/// </summary>
public static class HistoryErrors
{
    // SQLite's primary result codes (sqlite.org/rescode.html).
    private const int Permission = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    // Extended codes: a write that failed (a file-size limit gives EFBIG, which SQLite reports as this), and the
    // shared-memory file of a WAL database that could not be made (a read-only folder).
    private const int IoErrorWrite = IoError | (3 << 8);
    private const int IoErrorShmSize = IoError | (19 << 8);
    private const int IoErrorShmOpen = IoError | (18 << 8);

    /// <summary>Whether the exception is one this class names (a SQLite failure, or a damaged stored value).</summary>
    public static bool IsHistoryFailure(Exception e) => e is SqliteException or InvalidDataException or JsonException or InvalidCastException;

    /// <summary>The one-line error for a failure while using the history at <paramref name="path"/>.</summary>
    public static HistoryException Named(string path, Exception e) => e switch
    {
        HistoryException named => named,
        SqliteException sqlite => new HistoryException($"history {path}: {Cause(sqlite)} ({Plain(sqlite.Message)})", e),
        _ => new HistoryException($"history {path}: a stored value is damaged ({Plain(e.Message)}); run 'PRAGMA integrity_check' on it, or restore it from a backup", e),
    };

    /// <summary>The cause in a person's words.</summary>
    public static string Cause(SqliteException e) => (e.SqliteErrorCode, e.SqliteExtendedErrorCode) switch
    {
        (Full, _) => "the disk is full",
        (IoError, IoErrorWrite) => "a write failed: the disk is full or the file reached its size limit",
        (IoError, IoErrorShmOpen or IoErrorShmSize) => "its folder is read-only or full (SQLite keeps its -wal and -shm files beside it)",
        (IoError, _) => "a disk read or write failed",
        (ReadOnly, _) => "the file or its folder is read-only",
        (Busy or Locked, _) => "another program holds a lock on it",
        (Corrupt, _) => "the file is damaged; restore it from a backup, or move it aside to start a new history",
        (NotADatabase, _) => "it is not a history file (not a SQLite database)",
        (CannotOpen, _) => "it cannot be opened: its folder is missing, read-only, or not readable",
        (Permission, _) => "permission denied",
        _ => "SQLite could not use it",
    };

    private static string Plain(string message) => message.ReplaceLineEndings(" ").TrimEnd('.');
}
