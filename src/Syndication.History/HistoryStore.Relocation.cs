namespace Syndication.History;

/// <summary>
/// File pages of a partner list are keyed as the list writes them, relative to its folder, so moving the checkout keeps
/// every finding. Histories written before that keyed them by absolute path: the first audit of the list re-keys them.
/// </summary>
public sealed partial class HistoryStore
{
    /// <summary>
    /// Re-keys the pages recorded under an absolute path inside <paramref name="folder"/> (the list's) by their path
    /// relative to it; their entries, results and evidence follow (they point at the page). A key already taken by the
    /// relative form is left alone. Costs one scan of the pages when there is nothing to do.
    /// </summary>
    /// <returns>How many pages were re-keyed.</returns>
    public int RekeyFilePages(string folder) => Use(() =>
    {
        // The key is the partner, U+001F, then the page: "Partner␟/abs/folder/pages/a.html" becomes "Partner␟pages/a.html".
        var prefix = System.IO.Path.TrimEndingDirectorySeparator(folder) + "/";
        using var transaction = BeginTransaction();
        using var command = Command("""
            UPDATE OR IGNORE pages
            SET page_key = substr(page_key, 1, instr(page_key, char(31))) || substr(page_key, instr(page_key, char(31)) + 1 + @length),
                url = substr(url, @length + 1)
            WHERE substr(page_key, instr(page_key, char(31)) + 1, @length) = @prefix AND substr(url, 1, @length) = @prefix
            """, transaction);
        command.Parameters.AddWithValue("@length", prefix.Length);
        command.Parameters.AddWithValue("@prefix", prefix);
        var pages = command.ExecuteNonQuery();
        if (pages > 0)
        {
            // Screenshots name their page by its key too.
            using var shots = Command("""
                UPDATE OR IGNORE run_screenshots
                SET page_key = substr(page_key, 1, instr(page_key, char(31))) || substr(page_key, instr(page_key, char(31)) + 1 + @length)
                WHERE substr(page_key, instr(page_key, char(31)) + 1, @length) = @prefix
                """, transaction);
            shots.Parameters.AddWithValue("@length", prefix.Length);
            shots.Parameters.AddWithValue("@prefix", prefix);
            shots.ExecuteNonQuery();
        }

        transaction.Commit();
        return pages;
    });
}
