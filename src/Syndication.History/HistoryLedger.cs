using Microsoft.Data.Sqlite;
using Syndication.Discovery;
using Syndication.Partners;

namespace Syndication.History;

/// <summary>
/// Discovery's ledger in the history file: per site, when it was last searched and from which date, every page in the
/// date window it listed (pending, examined, found, with when and where a republication was found), and the index
/// sitemaps read to their end with their lastmod. One connection serves the whole run: loads and saves take turns.
/// </summary>
public sealed class HistoryLedger(HistoryStore store) : IDiscoveryLedger
{
    private readonly Lock _gate = new();

    public SiteLedger Load(string siteKey)
    {
        lock (_gate)
        {
            DateTimeOffset? last = null, windowFrom = null;
            using (var site = store.Command("SELECT last_discovery, window_from FROM discovery_sites WHERE site_key = @site"))
            {
                site.Parameters.AddWithValue("@site", siteKey);
                using var reader = site.ExecuteReader();
                if (reader.Read())
                {
                    last = HistoryStore.ParseTime(reader.GetString(0));
                    windowFrom = reader.IsDBNull(1) ? null : HistoryStore.ParseTime(reader.GetString(1));
                }
            }

            var pages = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
            using (var command = store.Command("""
                SELECT page_key, url, date, title, via, status, attempts, found_at, original_title, original_url
                FROM discovery_pages WHERE site_key = @site
                """))
            {
                command.Parameters.AddWithValue("@site", siteKey);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    pages[reader.GetString(0)] = new LedgerEntry
                    {
                        Url = reader.GetString(1),
                        Date = HistoryStore.ParseTime(Text(reader, 2)),
                        Title = Text(reader, 3),
                        Via = reader.GetString(4),
                        Status = Enum.Parse<LedgerStatus>(reader.GetString(5), ignoreCase: true),
                        Attempts = reader.GetInt32(6),
                        FoundAt = HistoryStore.ParseTime(Text(reader, 7)),
                        OriginalTitle = Text(reader, 8),
                        OriginalUrl = Text(reader, 9),
                    };
                }
            }

            var sitemaps = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            using (var command = store.Command("SELECT url, lastmod FROM discovery_sitemaps WHERE site_key = @site"))
            {
                command.Parameters.AddWithValue("@site", siteKey);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    sitemaps[reader.GetString(0)] = HistoryStore.ParseTime(reader.GetString(1))!.Value;
                }
            }

            return new SiteLedger { LastDiscovery = last, WindowFrom = windowFrom, Pages = pages, Sitemaps = sitemaps };
        }
    }

    public void Save(string siteKey, LedgerUpdate update)
    {
        lock (_gate)
        {
            using var transaction = store.BeginTransaction();
            // A night that read no source keeps when and from which date the site was last searched.
            if (update.Searched)
            {
                using var site = store.Command("""
                    INSERT INTO discovery_sites (site_key, last_discovery, window_from) VALUES (@site, @at, @from)
                    ON CONFLICT(site_key) DO UPDATE SET last_discovery = excluded.last_discovery, window_from = excluded.window_from
                    """, transaction);
                site.Parameters.AddWithValue("@site", siteKey);
                site.Parameters.AddWithValue("@at", HistoryStore.Time(update.DiscoveredAt));
                site.Parameters.AddWithValue("@from", update.WindowFrom is { } from ? HistoryStore.Time(from) : DBNull.Value);
                site.ExecuteNonQuery();
            }

            using (var page = store.Command("""
                INSERT OR REPLACE INTO discovery_pages (site_key, page_key, url, date, title, via, status, attempts, found_at, original_title, original_url, updated_at)
                VALUES (@site, @key, @url, @date, @title, @via, @status, @attempts, @found, @originalTitle, @originalUrl, @at)
                """, transaction))
            {
                foreach (var name in new[] { "@key", "@url", "@date", "@title", "@via", "@status", "@attempts", "@found", "@originalTitle", "@originalUrl" })
                {
                    page.Parameters.AddWithValue(name, DBNull.Value);
                }

                page.Parameters.AddWithValue("@site", siteKey);
                page.Parameters.AddWithValue("@at", HistoryStore.Time(update.DiscoveredAt));
                foreach (var entry in update.Pages)
                {
                    var p = page.Parameters;
                    p["@key"].Value = SiteUrls.Key(entry.Url);
                    p["@url"].Value = entry.Url;
                    p["@date"].Value = entry.Date is { } date ? HistoryStore.Time(date) : DBNull.Value;
                    p["@title"].Value = (object?)entry.Title ?? DBNull.Value;
                    p["@via"].Value = entry.Via;
                    p["@status"].Value = entry.Status.ToString().ToLowerInvariant();
                    p["@attempts"].Value = entry.Attempts;
                    p["@found"].Value = entry.FoundAt is { } found ? HistoryStore.Time(found) : DBNull.Value;
                    p["@originalTitle"].Value = (object?)entry.OriginalTitle ?? DBNull.Value;
                    p["@originalUrl"].Value = (object?)entry.OriginalUrl ?? DBNull.Value;
                    page.ExecuteNonQuery();
                }
            }

            using (var sitemap = store.Command("""
                INSERT INTO discovery_sitemaps (site_key, url, lastmod) VALUES (@site, @url, @lastmod)
                ON CONFLICT(site_key, url) DO UPDATE SET lastmod = excluded.lastmod
                """, transaction))
            {
                sitemap.Parameters.AddWithValue("@site", siteKey);
                sitemap.Parameters.AddWithValue("@url", DBNull.Value);
                sitemap.Parameters.AddWithValue("@lastmod", DBNull.Value);
                foreach (var (url, lastmod) in update.Sitemaps)
                {
                    sitemap.Parameters["@url"].Value = url;
                    sitemap.Parameters["@lastmod"].Value = HistoryStore.Time(lastmod);
                    sitemap.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }
    }

    /// <summary>
    /// Takes in what the audit of a shard learnt (its history file's ledger), so the main history's ledger holds every
    /// site: a site's row, page or sitemap replaces the main one only when it is at least as recent.
    /// </summary>
    public void Import(string shardFile)
    {
        lock (_gate)
        {
            using (var attach = store.Command("ATTACH DATABASE @path AS shard"))
            {
                attach.Parameters.AddWithValue("@path", shardFile);
                attach.ExecuteNonQuery();
            }

            try
            {
                using var transaction = store.BeginTransaction();
                using (var copy = store.Command("""
                    INSERT INTO discovery_sites (site_key, last_discovery, window_from)
                    SELECT site_key, last_discovery, window_from FROM shard.discovery_sites WHERE true
                    ON CONFLICT(site_key) DO UPDATE SET last_discovery = excluded.last_discovery, window_from = excluded.window_from
                    WHERE excluded.last_discovery >= discovery_sites.last_discovery;
                    INSERT INTO discovery_pages (site_key, page_key, url, date, title, via, status, attempts, found_at, original_title, original_url, updated_at)
                    SELECT site_key, page_key, url, date, title, via, status, attempts, found_at, original_title, original_url, updated_at FROM shard.discovery_pages WHERE true
                    ON CONFLICT(site_key, page_key) DO UPDATE SET url = excluded.url, date = excluded.date, title = excluded.title, via = excluded.via,
                        status = excluded.status, attempts = excluded.attempts, found_at = excluded.found_at, original_title = excluded.original_title,
                        original_url = excluded.original_url, updated_at = excluded.updated_at
                    WHERE excluded.updated_at >= discovery_pages.updated_at;
                    INSERT INTO discovery_sitemaps (site_key, url, lastmod)
                    SELECT site_key, url, lastmod FROM shard.discovery_sitemaps WHERE true
                    ON CONFLICT(site_key, url) DO UPDATE SET lastmod = excluded.lastmod WHERE excluded.lastmod >= discovery_sitemaps.lastmod;
                    """, transaction))
                {
                    copy.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            finally
            {
                using var detach = store.Command("DETACH DATABASE shard");
                detach.ExecuteNonQuery();
            }
        }
    }

    /// <summary>The republications found on a site (by its ledger key), oldest first: for a partner's or watched site's timeline.</summary>
    public IReadOnlyList<LedgerEntry> Found(string siteKey)
    {
        lock (_gate)
        {
            using var command = store.Command("""
                SELECT url, date, title, via, found_at, original_title, original_url FROM discovery_pages
                WHERE site_key = @site COLLATE NOCASE AND status = 'found' ORDER BY found_at, url
                """);
            command.Parameters.AddWithValue("@site", siteKey);
            using var reader = command.ExecuteReader();
            var found = new List<LedgerEntry>();
            while (reader.Read())
            {
                found.Add(new LedgerEntry
                {
                    Url = reader.GetString(0),
                    Date = HistoryStore.ParseTime(Text(reader, 1)),
                    Title = Text(reader, 2),
                    Via = reader.GetString(3),
                    Status = LedgerStatus.Found,
                    FoundAt = HistoryStore.ParseTime(Text(reader, 4)),
                    OriginalTitle = Text(reader, 5),
                    OriginalUrl = Text(reader, 6),
                });
            }

            return found;
        }
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
