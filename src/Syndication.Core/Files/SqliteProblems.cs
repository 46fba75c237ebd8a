using Microsoft.Data.Sqlite;

namespace Syndication.Files;

/// <summary>
/// What went wrong with one of the tool's SQLite files, in a person's words ("the disk is full", "the file is
/// damaged", "another program holds a lock on it"), as <see cref="FileProblems"/> does for plain files: each store
/// puts its file's name before it and SQLite's own words after it.
/// </summary>
public static class SqliteProblems
{
    // SQLite's primary result codes (sqlite.org/rescode.html).
    internal const int Permission = 3;
    internal const int Busy = 5;
    internal const int Locked = 6;
    internal const int ReadOnly = 8;
    internal const int IoError = 10;
    internal const int Corrupt = 11;
    internal const int Full = 13;
    internal const int CannotOpen = 14;
    internal const int NotADatabase = 26;

    // Extended codes: a write that failed (a file-size limit gives EFBIG, which SQLite reports as this), and the
    // shared-memory file of a WAL database that could not be made (a read-only folder).
    private const int IoErrorWrite = IoError | (3 << 8);
    private const int IoErrorShmOpen = IoError | (18 << 8);
    private const int IoErrorShmSize = IoError | (19 << 8);

    /// <summary>The cause in a person's words.</summary>
    public static string Cause(SqliteException e) => (e.SqliteErrorCode, e.SqliteExtendedErrorCode) switch
    {
        (Full, _) => "the disk is full",
        (IoError, IoErrorWrite) => "a write failed: the disk is full or the file reached its size limit",
        (IoError, IoErrorShmOpen or IoErrorShmSize) => "its folder is read-only or full (SQLite keeps its -wal and -shm files beside it)",
        (IoError, _) => "a disk read or write failed",
        (ReadOnly, _) => "the file or its folder is read-only",
        (Busy or Locked, _) => "another program holds a lock on it",
        (Corrupt, _) => Damaged,
        (NotADatabase, _) => "it is not a SQLite database",
        (CannotOpen, _) => "it cannot be opened: its folder is missing, read-only, or not readable",
        (Permission, _) => "permission denied",
        _ => "SQLite could not use it",
    };

    /// <summary>A failure and SQLite's own words for it: "the disk is full (SQLite Error 13: 'database or disk is full')".</summary>
    public static string Describe(SqliteException e) => $"{Cause(e)} ({Plain(e.Message)})";

    internal const string Damaged = "the file is damaged; restore it from a backup, or move it aside to start a new one";

    internal static string Plain(string message) => message.ReplaceLineEndings(" ").TrimEnd('.');
}

/// <summary>A SQLite file that must not be written: read-only, or damaged. The message is the cause, without the file's name.</summary>
public sealed class SqliteFileException(string cause) : Exception(cause);
