using Syndication.Matching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Requirements.LinksKept;

/// <summary>The licensor's boilerplate may go from a republication, and its links with it; the story's own links may not.</summary>
public sealed class LinksKeptBoilerplateTests
{
    private static readonly string[] Story =
    [
        "The county water board voted on Tuesday to ration deliveries to the eastern farms for the rest of the summer season.",
        "Growers said the cut would leave orchards without water during the hottest weeks, according to a letter sent to the board.",
        "Board members said the reservoir had fallen to a third of its capacity and that the city's supply had to come first this year.",
    ];

    private static readonly Original Original = new()
    {
        Title = "County Board Rations Water To Eastern Farms",
        Url = "https://wire.example/2024/06/01/rations/",
        Source = "wire.xml",
        Reporters = ["Ana Ruiz"],
        Paragraphs = [.. Story, "Sign up for Example Wire's newsletter to get stories like this one."],
        Links = [new StoryLink("https://wire.example/documents/letter.pdf", "a letter sent to the board"), new StoryLink("https://wire.example/newsletter/", "Sign up for Example Wire's newsletter")],
    };

    private static readonly LicenceProfile Profile = ProfileLoader.Parse("""
        licensor: Example Wire
        requirements: [links-kept]
        boilerplate: ['sign up for example wire.s newsletter']
        """, "wire.yaml");

    [TestCase(true, Outcome.Pass)]
    [TestCase(false, Outcome.Fail)]
    public void The_boilerplates_link_may_go_but_not_the_storys(bool storyLinkKept, Outcome expected)
    {
        var letter = storyLinkKept ? "<a href=\"https://wire.example/documents/letter.pdf\">a letter sent to the board</a>" : "a letter sent to the board";
        var html = $"""
            <html><body><article><h1>{Original.Title}</h1><p class="byline">By Ana Ruiz</p>
            <p>{Story[0]}</p><p>{Story[1].Replace("a letter sent to the board", letter, StringComparison.Ordinal)}</p><p>{Story[2]}</p>
            </article></body></html>
            """;
        var evaluator = new PageEvaluator(new CheckSettings(Profile, new OriginalCatalogue([Original], Profile), []));

        var result = evaluator.Evaluate(PageParser.ParseText(html), PageTarget.Of("inline.html"));

        var outcome = result.Requirements.Single();
        Assert.That(outcome.Status, Is.EqualTo(expected), outcome.Message);
        Assert.That(outcome.Message, Does.Not.Contain("newsletter"));
    }
}
