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
