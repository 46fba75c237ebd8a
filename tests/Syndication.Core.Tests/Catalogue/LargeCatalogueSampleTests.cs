using Syndication.Catalogue;
using Syndication.Core.Tests.Samples;
using Syndication.Core.Tests.Support;
using Syndication.Originals;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Catalogue;

/// <summary>
/// The 41 sample pages keep their exact verdicts and outcomes when matched against a stored catalogue of thousands of
/// originals, among them decoys that quote a paragraph of a sample original, a rewrite of one and its near-twin.
/// </summary>
[TestFixture]
public sealed class LargeCatalogueSampleTests
{
    private TempFolder _folder = null!;
    private CatalogueStore _store = null!;
    private CheckSettings _settings = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _folder = new TempFolder();
        _store = CatalogueStore.Open(_folder.File("catalogue.db"));
        var text = new InventedText(11);
        var decoys = new List<Original>();
        for (var i = 0; i < 2_000; i++)
        {
            decoys.Add(Invented(text, i));
        }

        // Decoys that quote one paragraph of each sample original amid their own text: a quotation is not the republication.
        foreach (var (original, n) in Engines.Samples.Select((o, n) => (o, n)))
        {
            var own = Invented(text, 10_000 + n);
            decoys.Add(own with { Paragraphs = [own.Paragraphs[0], original.Paragraphs[1], .. own.Paragraphs.Skip(1)] });
        }

        // The demo's profile, as the sample tests use (its reference logo is a file).
        var profile = Engines.SampleSettings().Profile;
        _store.Upsert(decoys, profile.Id, DateTimeOffset.UtcNow);
        _store.Upsert(Engines.Samples, profile.Id, DateTimeOffset.UtcNow);
        _settings = new CheckSettings(profile, _store.Index(profile), []);
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    [TestCaseSource(typeof(SamplePagesTests), nameof(SamplePagesTests.Expectations))]
    public async Task Sample_page_gets_its_expected_verdict_against_a_catalogue_of_thousands(SampleExpectation expected)
    {
        Assert.That(_settings.Catalogue.Count, Is.EqualTo(2_000 + (2 * Engines.Samples.Count)));
        var result = await Engines.FileChecker(_settings).CheckAsync(PageTarget.Of(RepoPaths.Samples("pages", expected.File)), CancellationToken.None);
        expected.AssertMatches(result, result.Url);
    }

    private static Original Invented(InventedText text, int n) => new()
    {
        Title = $"Decoy {n} " + text.Word(),
        Url = $"https://dailycallernewsfoundation.org/decoy/{n}/",
        Reporters = [n % 2 == 0 ? "Micaela Burrow" : "Harold Vance"],
        Paragraphs = text.Paragraphs(10),
        Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(n),
        Source = "decoys",
    };
}
