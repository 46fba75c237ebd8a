using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Syndication.Files;

/// <summary>
/// How the tool's SQLite files (the history, the catalogue) are opened and brought to their schema: WAL, so a reader
/// never blocks the writer and a killed process leaves the file consistent; one migration per version (PRAGMA
/// user_version), each in its own transaction, so a file is always at one version or the next, never between.
/// </summary>
public static class SqliteSchema
{
    /// <summary>Opens the file with the pragmas every one of them uses.</summary>
    /// <param name="readOnly">
    /// Read without writing anything, not even the -shm file of a WAL database, for a file in a folder no one can write
    /// (so no writer can be working on it either): it is opened read-only as immutable, and not migrated.
    /// </param>
    /// <param name="busyTimeout">How long to wait for another connection's write lock.</param>
    public static SqliteConnection Open(string path, bool readOnly = false, TimeSpan? busyTimeout = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = readOnly ? new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1" : path,
            Pooling = false,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        }.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            var wait = (int)(busyTimeout ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
            command.CommandText = (readOnly ? string.Empty : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; ")
                + $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {wait.ToString(CultureInfo.InvariantCulture)};";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a file for a command that writes it (one at a time: the caller holds its writer lock), checked before
    /// anything is written, then brought to its schema: not read-only, sound (PRAGMA quick_check: a damaged file is
    /// refused, not written on), and not locked by another program (waited for a few seconds, then refused).
    /// </summary>
    /// <exception cref="SqliteFileException">The file is read-only or damaged.</exception>
    /// <exception cref="SqliteException">SQLite could not open, check or migrate it (<see cref="SqliteProblems.Cause"/> names why).</exception>
    public static SqliteConnection OpenToWrite(string path, Action<SqliteConnection> migrate)
    {
        var connection = Open(path, busyTimeout: WriterWait);
        try
        {
            CheckWritable(connection);
            migrate(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a file for a command that only reads it: it never waits on a writer (WAL), and in a folder it cannot write
    /// (where no writer can be working either) it is opened read-only as immutable and only checked to be current.
    /// </summary>
    public static SqliteConnection OpenToRead(string path, Action<SqliteConnection> migrate, Action<SqliteConnection> checkCurrent)
    {
        SqliteConnection? connection = null;
        try
        {
            connection = Open(path);
            migrate(connection);
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteProblems.ReadOnly or SqliteProblems.CannotOpen or SqliteProblems.IoError)
        {
            // SQLite reads a WAL database without its -shm file when it is opened read-only.
            connection?.Dispose();
        }
        catch
        {
            connection?.Dispose();
            throw;
        }

        connection = Open(path, readOnly: true);
        try
        {
            checkCurrent(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // A writer waits a few seconds for another program's write lock, then says so.
    private static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(5);

    private static void CheckWritable(SqliteConnection connection)
    {
        if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") == 1)
        {
            throw new SqliteFileException("the file is read-only");
        }

        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA quick_check(1)";
            if (check.ExecuteScalar() is string result && result != "ok")
            {
                throw new SqliteFileException($"{SqliteProblems.Damaged} (PRAGMA quick_check: {SqliteProblems.Plain(result)})");
            }
        }

        // Another program's write lock: SQLite waits busy_timeout for it, and Microsoft.Data.Sqlite would retry for its
        // command timeout (30 s) on top; the probe stops after the first wait.
        using var probe = connection.CreateCommand();
        probe.CommandText = "BEGIN IMMEDIATE";
        probe.CommandTimeout = 1;
        probe.ExecuteNonQuery();
        probe.CommandText = "ROLLBACK";
        probe.ExecuteNonQuery();
    }

    /// <summary>The file's schema version (0 for a new file).</summary>
    public static int Version(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs the migrations after the file's version; <paramref name="steps"/>[i] brings version i to i + 1.</summary>
    public static void Migrate(SqliteConnection connection, IReadOnlyList<string> steps)
    {
        for (var step = Version(connection); step < steps.Count; step++)
        {
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = steps[step] + $"\nPRAGMA user_version = {step + 1};";
            command.ExecuteNonQuery();
            transaction.Commit();
        }
    }
}
