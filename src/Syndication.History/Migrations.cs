using Microsoft.Data.Sqlite;
using Syndication.Files;

namespace Syndication.History;

/// <summary>
/// The history schema, one migration per version; PRAGMA user_version says which have run. A migration runs in a
/// transaction, so a database is always at one version or the next, never between.
/// </summary>
internal static class Migrations
{
    internal static readonly string[] Steps =
    [
        // 1: runs, their pages and requirements, the state the next run compares with, the evidence archive.
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            source TEXT,
            tool_version TEXT,
            shard TEXT,
            pages INTEGER NOT NULL DEFAULT 0,
            compliant INTEGER NOT NULL DEFAULT 0,
            non_compliant INTEGER NOT NULL DEFAULT 0,
            needs_review INTEGER NOT NULL DEFAULT 0,
            not_applicable INTEGER NOT NULL DEFAULT 0,
            errors INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE run_pages (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            position INTEGER NOT NULL,
            page_key TEXT NOT NULL,
            url TEXT NOT NULL,
            partner TEXT,
            verdict TEXT NOT NULL,
            change TEXT,
            since TEXT,
            streak INTEGER NOT NULL DEFAULT 0,
            error_kind TEXT,
            fetch_status INTEGER,
            final_url TEXT,
            content_hash TEXT,
            elapsed_ms REAL,
            fetched_at TEXT,
            result BLOB,
            PRIMARY KEY (run_id, position));
        CREATE INDEX run_pages_by_key ON run_pages(page_key, run_id);
        CREATE INDEX run_pages_by_partner ON run_pages(partner, run_id);
        CREATE TABLE run_requirements (
            run_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            page_key TEXT NOT NULL,
            requirement TEXT NOT NULL,
            status TEXT NOT NULL,
            change TEXT,
            since TEXT,
            streak INTEGER NOT NULL DEFAULT 0,
            waived INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (run_id, position, requirement));
        CREATE TABLE page_state (
            page_key TEXT PRIMARY KEY,
            verdict TEXT NOT NULL,
            since TEXT NOT NULL,
            streak INTEGER NOT NULL,
            run_id INTEGER NOT NULL);
        CREATE TABLE requirement_state (
            page_key TEXT NOT NULL,
            requirement TEXT NOT NULL,
            status TEXT NOT NULL,
            since TEXT NOT NULL,
            streak INTEGER NOT NULL,
            run_id INTEGER NOT NULL,
            PRIMARY KEY (page_key, requirement));
        CREATE TABLE evidence (
            sha256 TEXT PRIMARY KEY,
            body BLOB NOT NULL,
            bytes INTEGER NOT NULL,
            stored_at TEXT NOT NULL);
        CREATE TABLE run_evidence (
            run_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            page_key TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES evidence(sha256),
            fetched_at TEXT NOT NULL,
            final_url TEXT,
            headers TEXT,
            PRIMARY KEY (run_id, position));
        CREATE INDEX run_evidence_by_key ON run_evidence(page_key, run_id);
        """,

        // 2: discovery's ledger (per site: when it was searched and whether every sitemap was read; every page in the
        // date window it listed and what it was) and each run's discovery account for the reports.
        """
        CREATE TABLE discovery_sites (
            site_key TEXT PRIMARY KEY,
            last_discovery TEXT NOT NULL,
            window_from TEXT,
            incomplete INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE discovery_pages (
            site_key TEXT NOT NULL,
            page_key TEXT NOT NULL,
            url TEXT NOT NULL,
            date TEXT,
            title TEXT,
            via TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            found_at TEXT,
            original_title TEXT,
            original_url TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (site_key, page_key));
        CREATE TABLE run_discovery (
            run_id INTEGER PRIMARY KEY REFERENCES runs(id),
            account BLOB NOT NULL);
        """,

        // 3: discovery remembers each index sitemap it read to its end with the lastmod its index gave (an unchanged
        // one is not fetched again), which replaces the site-wide "a sitemap failed" flag.
        """
        CREATE TABLE discovery_sitemaps (
            site_key TEXT NOT NULL,
            url TEXT NOT NULL,
            lastmod TEXT NOT NULL,
            PRIMARY KEY (site_key, url));
        ALTER TABLE discovery_sites DROP COLUMN incomplete;
        """,

        // 4: screenshots of rendered non-compliant and needs-review pages; their PNG bytes live in the evidence table
        // under their SHA-256, like archived fetches.
        """
        CREATE TABLE run_screenshots (
            run_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            page_key TEXT NOT NULL,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL REFERENCES evidence(sha256),
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            outlined TEXT,
            taken_at TEXT NOT NULL,
            PRIMARY KEY (run_id, position, name));
        CREATE INDEX run_screenshots_by_key ON run_screenshots(page_key, run_id);
        """,

        // 5: history that grows with change, not with pages. Each page once (pages); its judged result once per change
        // (results); how it stood over a stretch of consecutive runs (entries: an unchanged night moves last_run on and
        // adds no row); the state the next run compares with as a pointer to the entry of the last complete run; the
        // archived fetches per page and bytes, with the first and last time those bytes were fetched; runs compacted
        // after the retention keep their counts. Filled from the tables of version 4 by HistoryConversion.
        """
        CREATE TABLE pages (
            id INTEGER PRIMARY KEY,
            page_key TEXT NOT NULL UNIQUE,
            url TEXT NOT NULL,
            partner TEXT,
            entry_id INTEGER,
            state_entry_id INTEGER,
            state_run INTEGER);
        CREATE INDEX pages_by_partner ON pages(partner);
        CREATE TABLE results (
            id INTEGER PRIMARY KEY,
            page_id INTEGER NOT NULL,
            digest BLOB NOT NULL,
            result BLOB NOT NULL,
            first_run INTEGER NOT NULL);
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            page_id INTEGER NOT NULL,
            result_id INTEGER NOT NULL,
            first_run INTEGER NOT NULL,
            last_run INTEGER NOT NULL,
            verdict TEXT NOT NULL,
            error_kind TEXT,
            change TEXT,
            since TEXT,
            streak INTEGER NOT NULL DEFAULT 0,
            confirmed INTEGER,
            position INTEGER NOT NULL,
            requirements TEXT NOT NULL,
            failing TEXT);
        CREATE INDEX entries_by_run ON entries(last_run, first_run);
        CREATE INDEX entries_by_page ON entries(page_id, first_run);
        CREATE INDEX entries_by_result ON entries(result_id);
        CREATE TABLE page_evidence (
            page_id INTEGER NOT NULL,
            sha256 TEXT NOT NULL REFERENCES evidence(sha256),
            first_run INTEGER NOT NULL,
            last_run INTEGER NOT NULL,
            first_fetched TEXT NOT NULL,
            last_fetched TEXT NOT NULL,
            final_url TEXT,
            headers TEXT,
            PRIMARY KEY (page_id, sha256));
        ALTER TABLE runs ADD COLUMN compacted INTEGER NOT NULL DEFAULT 0;
        """,

        // 6: a run's pages in list order without sorting them all first (report --run shows its first page at once):
        // entries by position, with the run range to tell which are the run's. And the fetched bytes' hash and size per
        // entry: a page whose bytes change every night (a timestamp, a token) with the same judgement costs a new entry,
        // not a new result; each night's report still names that night's bytes (null: the result's own).
        """
        CREATE INDEX entries_by_position ON entries(position, last_run, first_run);
        ALTER TABLE entries ADD COLUMN content_hash TEXT;
        ALTER TABLE entries ADD COLUMN bytes INTEGER;
        """,

        // 7: the list order out of the entries. A page's place in the list is no longer part of its entry (a page
        // dropped from the middle of the list moved every later page, a new entry each); each run's order is stored
        // once (orders: whole, or as edits of the order it follows, shared by runs whose lists are the same), with the
        // committed batches' positions of a run still being recorded (order_parts). entries.position stays as the
        // page's position on its entry's first run. Filled from the entries by RunOrders.FromEntries.
        """
        CREATE TABLE orders (
            id INTEGER PRIMARY KEY,
            base INTEGER REFERENCES orders(id),
            depth INTEGER NOT NULL,
            pages INTEGER NOT NULL,
            digest BLOB NOT NULL,
            data BLOB NOT NULL);
        CREATE TABLE order_parts (
            run_id INTEGER NOT NULL,
            data BLOB NOT NULL);
        CREATE INDEX order_parts_by_run ON order_parts(run_id);
        ALTER TABLE runs ADD COLUMN order_id INTEGER;
        DROP INDEX entries_by_position;
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection)
    {
        var version = SqliteSchema.Version(connection);
        if (version > Latest)
        {
            throw new SqliteFileException($"the history was written by a newer version of syndication (schema {version}; this one knows {Latest})");
        }

        // Versions 1 to 4 are SQL alone; 5 fills its tables from version 4's by code (HistoryConversion), in the same
        // transaction as its SQL and every later step's, and then gives the space of the old tables back. 7 fills the
        // run orders from the entries of 5 and 6 by code (RunOrders.FromEntries), in the transaction of its SQL.
        SqliteSchema.Migrate(connection, Steps[..Converted]);
        if (SqliteSchema.Version(connection) == Converted)
        {
            int converted;
            using (var transaction = connection.BeginTransaction())
            {
                using var create = connection.CreateCommand();
                create.Transaction = transaction;
                // Every later step's SQL first: the conversion writes entries and orders as this version's code has them.
                create.CommandText = string.Join('\n', Steps[Converted..]);
                create.ExecuteNonQuery();
                converted = HistoryConversion.FromVersionFour(connection, transaction);
                create.CommandText = $"PRAGMA user_version = {Latest};";
                create.ExecuteNonQuery();
                transaction.Commit();
            }

            if (converted > 0)
            {
                using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM";
                vacuum.ExecuteNonQuery();
            }
        }

        SqliteSchema.Migrate(connection, Steps[..Ordered]);
        if (SqliteSchema.Version(connection) == Ordered)
        {
            using var transaction = connection.BeginTransaction();
            using var create = connection.CreateCommand();
            create.Transaction = transaction;
            create.CommandText = Steps[Ordered];
            create.ExecuteNonQuery();
            RunOrders.FromEntries(connection, transaction);
            create.CommandText = $"PRAGMA user_version = {Ordered + 1};";
            create.ExecuteNonQuery();
            transaction.Commit();
        }

        SqliteSchema.Migrate(connection, Steps);
    }

    /// <summary>The version whose data the next step converts by code.</summary>
    private const int Converted = 4;

    /// <summary>The version whose entries the next step reads to store each run's order.</summary>
    private const int Ordered = 6;

    /// <summary>For a read-only connection, which cannot migrate: the file must already be at this version's schema.</summary>
    public static void CheckCurrent(SqliteConnection connection)
    {
        var version = SqliteSchema.Version(connection);
        if (version != Latest)
        {
            throw new SqliteFileException(version > Latest
                ? $"the history was written by a newer version of syndication (schema {version}; this one knows {Latest})"
                : $"the history is at schema {version} and cannot be brought to {Latest} where it is: its folder is read-only");
        }
    }
}
