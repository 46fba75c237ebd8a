using System.Text;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Originals;

namespace Syndication.Core.Tests.Originals;

public sealed class OriginalsLoaderTests
{
    private static readonly OriginalsLoader Loader = new(new FileFetcher(new FetchOptions(), TimeProvider.System));

    [Test]
    public async Task A_folder_of_feeds_and_pages_is_read_whole()
    {
        using var folder = new TempFolder();
        File.Copy(RepoPaths.Samples("originals", "feed.xml"), folder.File("a-feed.xml"));
        File.WriteAllText(folder.File("original.html"), OriginalPage);
        File.WriteAllText(folder.File("notes.txt"), "ignored");
        var originals = await Loader.LoadAsync([folder.Path], CancellationToken.None);
        Assert.That(originals, Has.Count.EqualTo(Engines.Samples.Count + 1));
        var page = originals.Single(o => o.Title == "Lighthouse Keepers Return To Lake Superior");
        Assert.That(page.Reporters, Is.EqualTo(new[] { "Jane Q. Reporter" }));
        Assert.That(page.Url, Is.EqualTo("https://licensor.example/lighthouse"));
        Assert.That(page.Paragraphs, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_missing_source_is_a_one_line_error()
    {
        var error = await Assert.ThrowsAsync<OriginalsException>(() => Loader.LoadAsync(["/no/such/feed.xml"], CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("/no/such/feed.xml").And.Contain("not found"));
    }

    [Test]
    public void An_empty_or_binary_source_is_refused()
    {
        Assert.That(() => OriginalsLoader.Read([], null, "empty.xml"), Throws.TypeOf<OriginalsException>().With.Message.Contains("empty"));
        Assert.That(() => OriginalsLoader.Read([0x89, (byte)'P', (byte)'N', (byte)'G', 1, 2], null, "logo.png"),
            Throws.TypeOf<OriginalsException>().With.Message.Contains("PNG"));
    }

    [Test]
    public void An_original_page_without_a_byline_falls_back_to_meta_author_then_json_ld()
    {
        var withMeta = OriginalsLoader.Read(Encoding.UTF8.GetBytes(OriginalPage.Replace("<p class=\"byline\">By <a rel=\"author\">Jane Q. Reporter</a></p>", string.Empty, StringComparison.Ordinal)), null, "p.html");
        Assert.That(withMeta.Single().Reporters, Is.EqualTo(new[] { "Meta Author" }));
    }

    private const string OriginalPage = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Lighthouse | Licensor</title>
        <meta property="og:title" content="Lighthouse Keepers Return To Lake Superior"><meta name="author" content="Meta Author">
        <link rel="canonical" href="https://licensor.example/lighthouse"></head><body>
        <article><h1>Lighthouse Keepers Return To Lake Superior</h1><p class="byline">By <a rel="author">Jane Q. Reporter</a></p>
        <p>Volunteer keepers have returned to three lighthouses on the north shore of Lake Superior for the first time in forty years, the park service said on Tuesday, after a decade of repairs.</p>
        <p>The keepers will live in the restored cottages from June to September, giving tours, logging the weather and keeping the fog signals in working order for the summer season ahead.</p>
        <p>Applications opened in January and more than four hundred people applied for the twelve places, according to the volunteer coordinator, who called the response overwhelming and humbling.</p>
        </article></body></html>
        """;
}
