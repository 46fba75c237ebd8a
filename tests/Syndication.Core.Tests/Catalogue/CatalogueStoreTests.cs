using Microsoft.Data.Sqlite;
using Syndication.Catalogue;
using Syndication.Core.Tests.Support;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Catalogue;

/// <summary>The catalogue file: it keeps what was read, tells a licensor's edit from another rendering, and gives the matching index back.</summary>
public sealed class CatalogueStoreTests
{
    private const string Dcnf = "dcnf";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private static readonly Original Iran = Engines.Samples.Single(o => o.Title.StartsWith("Iran", StringComparison.Ordinal));

    private TempFolder _folder = null!;

    [SetUp]
    public void Create() => _folder = new TempFolder();

    [TearDown]
    public void Remove()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private CatalogueStore Open() => CatalogueStore.Open(_folder.File("catalogue.db"));

    [Test]
    public void Originals_are_kept_between_runs_with_where_and_when_they_were_read()
    {
        using (var store = Open())
        {
            var first = store.Upsert(Engines.Samples, Dcnf, Monday);
            Assert.That((first.Added, first.Updated, first.Unchanged), Is.EqualTo((4, 0, 0)));
        }

        using (var store = Open())
        {
            var again = store.Upsert(Engines.Samples, Dcnf, Monday.AddDays(1));
            Assert.That((again.Added, again.Updated, again.Unchanged), Is.EqualTo((0, 0, 4)));
            var (row, paragraphs, edits) = store.Show(Dcnf, Iran.Url!)!.Value;
            Assert.That(row.Title, Is.EqualTo(Iran.Title));
            Assert.That(row.Reporters, Is.EqualTo(Iran.Reporters));
            Assert.That(row.Published, Is.EqualTo(Iran.Published));
            Assert.That(paragraphs, Is.EqualTo(Iran.Paragraphs));
            Assert.That(row.FirstReadAt, Is.EqualTo(Monday));
            Assert.That(row.SeenAt, Is.EqualTo(Monday.AddDays(1)));
            Assert.That(row.FirstSource, Is.EqualTo(Iran.Source));
            Assert.That(edits, Is.Empty);
            Assert.That(store.Count(Dcnf), Is.EqualTo(4));
            Assert.That(store.Count("another-licensor"), Is.Zero);
        }
    }

    [Test]
    public void The_licensors_edit_is_a_new_revision_and_the_earlier_one_is_kept()
    {
        using var store = Open();
        store.Upsert([Iran], Dcnf, Monday);
        var edited = Iran with { Title = Iran.Title + " (Updated)", Paragraphs = [.. Iran.Paragraphs.Take(5), "A paragraph added after publication."] };

        var result = store.Upsert([edited], Dcnf, Monday.AddDays(2));

        Assert.That(result.Updated, Is.EqualTo(1));
        Assert.That(result.Edits.Single().Changes, Is.EqualTo("title, text"));
        var (row, paragraphs, edits) = store.Show(Dcnf, Iran.Url!)!.Value;
        Assert.That(row.Revision, Is.EqualTo(2));
        Assert.That(row.Title, Is.EqualTo(edited.Title));
        Assert.That(paragraphs[^1], Is.EqualTo("A paragraph added after publication."));
        Assert.That(edits.Single().PreviousTitle, Is.EqualTo(Iran.Title));
        Assert.That(edits.Single().SeenAt, Is.EqualTo(Monday.AddDays(2)));
    }

    [Test]
    public void Another_sources_rendering_is_no_edit_but_a_later_modified_date_is_and_an_earlier_one_is_not()
    {
        using var store = Open();
        var api = Iran with { Source = "https://licensor.example/wp-json/wp/v2/posts", Modified = Monday };
        store.Upsert([api], Dcnf, Monday);

        var page = api with { Source = Iran.Url!, Modified = null, Paragraphs = [.. Iran.Paragraphs, "Photo caption the page reader kept."] };
        Assert.That(store.Upsert([page], Dcnf, Monday.AddHours(1)).Unchanged, Is.EqualTo(1), "a page read of the same article is not an edit");
        var stale = api with { Modified = Monday.AddDays(-3), Paragraphs = Iran.Paragraphs.Take(3).ToList() };
        Assert.That(store.Upsert([stale], Dcnf, Monday.AddHours(2)).Unchanged, Is.EqualTo(1), "an older copy never replaces a newer one");
        var newer = page with { Modified = Monday.AddDays(1) };
        Assert.That(store.Upsert([newer], Dcnf, Monday.AddDays(1)).Updated, Is.EqualTo(1), "the licensor modified it later");

        var (row, paragraphs, _) = store.Show(Dcnf, Iran.Url!)!.Value;
        Assert.That(paragraphs[^1], Is.EqualTo("Photo caption the page reader kept."));
        Assert.That(row.Modified, Is.EqualTo(Monday.AddDays(1)));
        Assert.That(row.Source, Is.EqualTo(Iran.Url));
    }

    [Test]
    public void A_post_whose_slug_was_edited_keeps_its_row_by_the_licensors_id()
    {
        using var store = Open();
        store.Upsert([Iran with { LicensorId = "https://dailycallernewsfoundation.org/?p=41230", Url = "https://dailycallernewsfoundation.org/2022/07/11/iran-drones/" }], Dcnf, Monday);

        var moved = store.Upsert([Iran with { LicensorId = "wp:41230", Url = "https://dailycallernewsfoundation.org/2022/07/11/iran-sending-drones/", Modified = Monday.AddDays(1) }], Dcnf, Monday.AddDays(1));

        Assert.That(store.Count(Dcnf), Is.EqualTo(1));
        Assert.That(moved.Edits.Single().Changes, Is.EqualTo("url"));
        Assert.That(store.Show(Dcnf, "https://dailycallernewsfoundation.org/2022/07/11/iran-sending-drones")!.Value.Row.LicensorId, Is.EqualTo("wp:41230"));
    }

    [Test]
    public void A_copy_that_names_the_reporters_completes_one_that_did_not()
    {
        using var store = Open();
        store.Upsert([Iran with { Reporters = [], Source = "api" }], Dcnf, Monday);
        var result = store.Upsert([Iran with { Source = "feed" }], Dcnf, Monday.AddHours(1));
        Assert.That(result.Edits.Single().Changes, Is.EqualTo("reporters"));
        Assert.That(store.Show(Dcnf, Iran.Title)!.Value.Row.Reporters, Is.EqualTo(Iran.Reporters));
    }

    [TestCase("http://www.dailycallernewsfoundation.org/2022/07/11/iran-sending-hundreds-of-armed-drones-to-russia")]
    [TestCase("https://DailyCallerNewsFoundation.org/2022/07/11/iran-sending-hundreds-of-armed-drones-to-russia/#comments")]
    [TestCase("  iran sending hundreds of ARMED drones to russia ")]
    public void An_original_is_found_as_a_partner_list_names_it(string named)
    {
        using var store = Open();
        store.Upsert(Engines.Samples, Dcnf, Monday);
        var catalogue = store.Index(ProfileLoader.BuiltIn);
        Assert.That(catalogue.Find(named)?.Original.Title, Is.EqualTo(Iran.Title));
        Assert.That(catalogue.Find("https://dailycallernewsfoundation.org/2099/01/01/nothing/"), Is.Null);
    }

    [Test]
    public void The_index_read_back_from_the_file_matches_pages_as_the_originals_in_memory_do()
    {
        using (var store = Open())
        {
            store.Upsert(Engines.Samples, Dcnf, Monday);
        }

        using var reopened = Open();
        var stored = reopened.Index(ProfileLoader.BuiltIn);
        var page = PageParser.ParseText("<html><body><article><h1>Drones</h1>" + string.Concat(Iran.Paragraphs.Skip(2).Take(4).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")) + "</article></body></html>");

        var fromFile = OriginalMatcher.Match(page, stored);
        var inMemory = OriginalMatcher.Match(page, new OriginalCatalogue(Engines.Samples, ProfileLoader.BuiltIn));

        Assert.That(fromFile.Match?.Original.Original.Title, Is.EqualTo(Iran.Title));
        Assert.That(fromFile.Match!.Score, Is.EqualTo(inMemory.Match!.Score));
        Assert.That(fromFile.Match.MatchedBlocks, Has.Count.EqualTo(inMemory.Match.MatchedBlocks.Count));
        Assert.That(fromFile.Match.Original.Original.Reporters, Is.EqualTo(Iran.Reporters));
    }

    [Test]
    public void The_index_loads_from_the_fingerprints_alone_also_in_a_file_of_the_first_schema()
    {
        using (var store = Open())
        {
            store.Upsert(Engines.Samples, Dcnf, Monday);
        }

        // A file as the first schema left it: no covering index of fingerprints, no markup column.
        Execute("DROP INDEX originals_fingerprints; ALTER TABLE originals DROP COLUMN markup; PRAGMA user_version = 1;");
        using (var reopened = Open())
        {
            Assert.That(reopened.Index(ProfileLoader.BuiltIn).Count, Is.EqualTo(Engines.Samples.Count));
        }

        // Each of the index's reads is answered from the covering index: the rows, about 4 KB each with their text, are
        // not scanned (a 50,000-original catalogue would read 200 MB twice).
        foreach (var query in new[] { CatalogueStore.IndexTotals, CatalogueStore.IndexRows })
        {
            Assert.That(Execute("EXPLAIN QUERY PLAN " + query.Replace("@licensor", "'dcnf'", StringComparison.Ordinal)), Does.Contain("COVERING INDEX originals_fingerprints"), query);
        }
    }

    [Test]
    public void The_originals_links_pictures_and_captions_are_kept_and_an_older_row_without_them_reads_as_unknown()
    {
        var path = RepoPaths.Fixtures("originals", "golden-state-wire.xml");
        var original = OriginalsLoader.Read(File.ReadAllBytes(path), null, path).Single();
        Assume.That(original.Links, Is.Not.Null.And.Not.Empty);
        using var store = Open();
        store.Upsert([original], "golden-state-wire", Monday);
        var id = long.Parse(Execute("SELECT id FROM originals"), System.Globalization.CultureInfo.InvariantCulture);

        var read = store.Read(id);
        Assert.That(read.Links, Is.EqualTo(original.Links));
        Assert.That(read.Images, Is.EqualTo(original.Images));
        Assert.That(read.Captions, Is.EqualTo(original.Captions));

        // A row kept before the markup was: the checks that need it are told it is unknown (null), not "none".
        Execute("UPDATE originals SET markup = NULL");
        Assert.That(store.Read(id).Links, Is.Null);
        Assert.That(store.Read(id).Images, Is.Null);

        // Seen again from a source with markup: the markup comes back without a new revision.
        var again = store.Upsert([original], "golden-state-wire", Monday.AddDays(1));
        Assert.That(again.Unchanged, Is.EqualTo(1));
        Assert.That(store.Read(id).Links, Is.EqualTo(original.Links));
    }

    /// <summary>Runs SQL on the catalogue file by itself; the last column of every row read, joined.</summary>
    private string Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("catalogue.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetValue(reader.FieldCount - 1).ToString() ?? "");
        }

        return string.Join('\n', rows);
    }

    [Test]
    public void Fingerprints_of_an_earlier_scheme_are_remade_when_the_file_is_opened()
    {
        using (var store = Open())
        {
            store.Upsert(Engines.Samples, Dcnf, Monday);
        }

        using (var connection = new SqliteConnection($"Data Source={_folder.File("catalogue.db")};Pooling=False"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "UPDATE originals SET fingerprints = x'', fingerprint_count = 0; UPDATE meta SET value = 'winnow-8/old' WHERE name = 'fingerprints'";
            damage.ExecuteNonQuery();
        }

        using var reopened = Open();
        var page = PageParser.ParseText("<html><body>" + string.Concat(Iran.Paragraphs.Take(4).Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")) + "</body></html>");
        Assert.That(OriginalMatcher.Match(page, reopened.Index(ProfileLoader.BuiltIn)).Match?.Original.Original.Title, Is.EqualTo(Iran.Title));
    }

    [Test]
    public void A_file_that_is_not_a_catalogue_is_refused_in_one_line()
    {
        File.WriteAllText(_folder.File("notes.db"), "these are my notes, not a database");
        var text = Assert.Throws<CatalogueException>(() => CatalogueStore.Open(_folder.File("notes.db")));
        Assert.That(text!.Message, Does.StartWith($"cannot use {_folder.File("notes.db")} as a catalogue of originals:").And.Not.Contain('\n'));

        using (var other = new SqliteConnection($"Data Source={_folder.File("history.db")};Pooling=False"))
        {
            other.Open();
            using var create = other.CreateCommand();
            create.CommandText = "CREATE TABLE runs (id INTEGER PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        var history = Assert.Throws<CatalogueException>(() => CatalogueStore.Open(_folder.File("history.db")));
        Assert.That(history!.Message, Does.Contain("not a catalogue of originals (is it a history file?)"));
        Assert.That(Assert.Throws<CatalogueException>(() => CatalogueStore.Open(_folder.File("missing.db"), create: false))!.Message, Does.StartWith("no catalogue at"));
    }

    [Test]
    public void Stats_count_originals_per_reporter_and_give_the_date_range()
    {
        using var store = Open();
        store.Upsert(Engines.Samples, Dcnf, Monday);
        store.Upsert([Iran with { Url = "https://dailycallernewsfoundation.org/x/", LicensorId = null, Title = "Another by Burrow", Published = null }], Dcnf, Monday);

        var stats = store.Stats(Dcnf);

        Assert.That(stats.Count, Is.EqualTo(5));
        Assert.That(stats.Undated, Is.EqualTo(1));
        Assert.That(stats.Reporters[0], Is.EqualTo(("Micaela Burrow", 2)));
        Assert.That(stats.Earliest, Is.EqualTo(Iran.Published));
        Assert.That(stats.Latest, Is.EqualTo(Engines.Samples.Max(o => o.Published)));
        Assert.That(store.List(Dcnf, new CatalogueQuery { Reporter = "micaela burrow" }).Select(r => r.Title), Is.EquivalentTo(new[] { Iran.Title, "Another by Burrow" }));
        Assert.That(store.List(Dcnf, new CatalogueQuery { Search = "HOSPITALS" }).Single().Title, Does.StartWith("Rural Hospitals"));
        Assert.That(store.List(Dcnf, new CatalogueQuery { Search = "100%_" }), Is.Empty, "LIKE wildcards in the search are literal");
    }
}
