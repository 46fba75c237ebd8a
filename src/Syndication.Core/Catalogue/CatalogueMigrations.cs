using Microsoft.Data.Sqlite;
using Syndication.Files;

namespace Syndication.Catalogue;

/// <summary>The catalogue schema, one migration per version (PRAGMA user_version), each in a transaction.</summary>
internal static class CatalogueMigrations
{
    private static readonly string[] Steps =
    [
        // 1: originals (one row each, per licensor), their earlier revisions, syncs and what the next sync resumes from.
        """
        CREATE TABLE meta (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        CREATE TABLE originals (
            id INTEGER PRIMARY KEY,
            licensor TEXT NOT NULL,
            key TEXT NOT NULL,
            licensor_id TEXT,
            url TEXT,
            title TEXT NOT NULL,
            title_key TEXT NOT NULL,
            reporters TEXT NOT NULL,
            body BLOB NOT NULL,
            paragraphs INTEGER NOT NULL,
            words INTEGER NOT NULL,
            published TEXT,
            modified TEXT,
            content_hash TEXT NOT NULL,
            fingerprints BLOB NOT NULL,
            fingerprint_count INTEGER NOT NULL,
            first_read_at TEXT NOT NULL,
            first_source TEXT NOT NULL,
            read_at TEXT NOT NULL,
            source TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            seen_source TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 1,
            UNIQUE (licensor, key));
        CREATE INDEX originals_by_licensor_id ON originals(licensor, licensor_id);
        CREATE INDEX originals_by_title ON originals(licensor, title_key);
        CREATE INDEX originals_by_published ON originals(licensor, published);
        CREATE TABLE edits (
            id INTEGER PRIMARY KEY,
            original_id INTEGER NOT NULL REFERENCES originals(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            seen_at TEXT NOT NULL,
            modified TEXT,
            source TEXT NOT NULL,
            changes TEXT NOT NULL,
            previous_title TEXT NOT NULL,
            previous_url TEXT,
            previous_reporters TEXT NOT NULL,
            previous_body BLOB NOT NULL);
        CREATE INDEX edits_by_original ON edits(original_id, revision);
        CREATE TABLE syncs (
            id INTEGER PRIMARY KEY,
            licensor TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL,
            added INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            requests INTEGER NOT NULL DEFAULT 0,
            problems TEXT NOT NULL DEFAULT '[]',
            summary TEXT);
        CREATE TABLE sync_state (
            licensor TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (licensor, name));
        """,

        // 2: the matching index loads from a covering index of each original's fingerprints (about 700 bytes), in
        // index order, instead of scanning the rows, whose text makes them about 4 KB each: a 50,000-original catalogue
        // loads its index in about half the time (one scan of 35 MB, not two of 200 MB).
        """
        CREATE INDEX originals_fingerprints ON originals(licensor, id, fingerprint_count, fingerprints);
        """,

        // 3: what the original's markup holds besides its text (links, pictures, captions), for the requirements that
        // compare a republication with them; null for originals kept before (those requirements answer review).
        """
        ALTER TABLE originals ADD COLUMN markup BLOB;
        """,
    ];

    public static int Latest => Steps.Length;

    public static void Apply(SqliteConnection connection, string path)
    {
        var version = SqliteSchema.Version(connection);
        if (version > Latest)
        {
            throw new CatalogueException($"{path} was written by a newer version of syndication (catalogue schema {version}; this one knows {Latest})");
        }

        if (version == 0)
        {
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
            if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new CatalogueException($"{path} is an SQLite file but not a catalogue of originals (is it a history file?)");
            }
        }

        SqliteSchema.Migrate(connection, Steps);
    }
}
