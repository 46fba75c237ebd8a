using Syndication.Core.Tests.Support;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Matching;

public sealed class OriginalMatcherTests
{
    private static readonly Original Iran = Engines.Samples.Single(o => o.Title.StartsWith("Iran", StringComparison.Ordinal));

    [Test]
    public void An_excerpt_of_a_few_paragraphs_is_a_republication()
    {
        var outcome = Match(Page(Iran.Paragraphs.Take(4)));
        Assert.That(outcome.Match?.Original.Original.Title, Is.EqualTo(Iran.Title));
        Assert.That(outcome.Match!.MatchedBlocks, Has.Count.EqualTo(4));
        Assert.That(outcome.Match.Score, Is.GreaterThan(0.2).And.LessThan(0.6));
    }

    [Test]
    public void A_quoted_sentence_or_two_is_not()
    {
        var quote = "As another outlet reported, \"" + Iran.Paragraphs[0] + "\" The story went on: \"" + Iran.Paragraphs[3] + "\"";
        var outcome = Match(Page([quote, "Our own reporting found a different picture entirely in the county, where officials said little about drones."]));
        Assert.That(outcome.Match, Is.Null);
        Assert.That(outcome.Reason, Does.Contain("quotation"));
    }

    [Test]
    public void Edited_paragraphs_a_dropped_paragraph_and_an_editors_note_still_match()
    {
        var paragraphs = Iran.Paragraphs.Where((_, i) => i != 2).Select(p => p.Replace("Monday", "Monday, July 11", StringComparison.Ordinal)).ToList();
        paragraphs.Insert(0, "Editor's note: this story is republished from a newswire partner.");
        var outcome = Match(Page(paragraphs));
        Assert.That(outcome.Match?.Original.Original.Title, Is.EqualTo(Iran.Title));
        Assert.That(outcome.Match!.Score, Is.GreaterThan(0.8));
    }

    [Test]
    public void The_licensing_boilerplate_alone_matches_no_original()
    {
        var boilerplate = Engines.Samples.Select(o => o.Paragraphs[^1]).First(p => p.StartsWith("All content created", StringComparison.Ordinal));
        Assert.That(Match(Page([boilerplate, boilerplate])).Match, Is.Null);
    }

    [Test]
    public void The_index_looks_only_at_originals_that_share_text_with_the_page()
    {
        var many = Enumerable.Range(0, 3000).Select(Invented).Concat(Engines.Samples).ToList();
        var catalogue = new OriginalCatalogue(many, ProfileLoader.BuiltIn);
        var page = Page(Iran.Paragraphs.Take(5));
        var shingles = page.Blocks.SelectMany(b => b.Shingles).ToHashSet();

        var touched = catalogue.Candidates(shingles, max: 100);
        Assert.That(touched.Select(c => catalogue.Get(c.Id).Original.Title), Is.EquivalentTo(new[] { Iran.Title }));
        Assert.That(OriginalMatcher.Match(page, catalogue).Match?.Original.Original.Title, Is.EqualTo(Iran.Title));
    }

    [Test]
    public void The_same_original_twice_in_the_sources_is_indexed_once()
    {
        var catalogue = new OriginalCatalogue(Engines.Samples.Concat(Engines.Samples), ProfileLoader.BuiltIn);
        Assert.That(catalogue.Count, Is.EqualTo(Engines.Samples.Count));
    }

    [Test]
    public void An_original_is_found_by_its_url_or_title_as_a_partner_list_names_it()
    {
        var twin = Invented(7) with { Url = "https://licensor.example/twin/", Title = "Invented story 2" };
        var catalogue = new OriginalCatalogue([Invented(1), Invented(2), twin, Invented(3) with { Url = null }], ProfileLoader.BuiltIn);
        Assert.That(catalogue.Find(" HTTPS://Licensor.example/1/ ")?.Original.Title, Is.EqualTo("Invented story 1"));
        Assert.That(catalogue.Find("https://licensor.example/twin")?.Original.Url, Is.EqualTo("https://licensor.example/twin/"));
        Assert.That(catalogue.Find("invented STORY 2")?.Original.Url, Is.EqualTo("https://licensor.example/2"), "the first of two equal titles");
        Assert.That(catalogue.Find("Invented story 3")?.Original.Url, Is.Null);
        Assert.That(catalogue.Find("https://licensor.example/9"), Is.Null);
    }

    private static MatchOutcome Match(PageDocument page) => OriginalMatcher.Match(page, new OriginalCatalogue(Engines.Samples, ProfileLoader.BuiltIn));

    private static PageDocument Page(IEnumerable<string> paragraphs) =>
        PageParser.ParseText("<html><body><article><h1>Headline</h1>" + string.Concat(paragraphs.Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>")) + "</article></body></html>");

    private static Original Invented(int n) => new()
    {
        Title = $"Invented story {n}",
        Url = $"https://licensor.example/{n}",
        Reporters = ["Some Reporter"],
        Source = "test",
        Paragraphs = Enumerable.Range(0, 8).Select(p => $"Paragraph {p} of invented story number {n} talks about topic {n * 31 % 97} and place {n * 17 % 89} in words of its own {n}-{p}.").ToList(),
    };
}
