using Syndication.Core.Tests.Support;
using Syndication.Parsing;
using Syndication.Pipeline;

namespace Syndication.Core.Tests.Samples;

/// <summary>
/// Broken HTML is the web's normal state: whatever damage a page has, judging it never throws (the checker would turn
/// an exception into an "internal" error, which is a bug of ours, not the partner's). Seeded random edits of every
/// sample page check it.
/// </summary>
public sealed class PageFuzzTests
{
    private static readonly string[] Pieces =
    [
        "<", ">", "</", "<div>", "</div>", "<p>", "</p>", "<table>", "<td>", "<svg>", "<math>", "<template>", "<noscript>", "<!--", "-->", "<![CDATA[",
        "&", "&#0;", "&#xD800;", "\"", "'", "=", "\u0000", "\uFEFF", "\uD83D", "style=\"display:none\"", " hidden ", "<style>", "</style>",
        "<script>", "</script>", "<img src=x>", "By ", "Daily Caller News Foundation", "<br>", "\u00A0", "<h1>", "<a href=", "</body>", "</html>",
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        SamplePagesTests.Expectations().Select((e, i) => new TestCaseData(e.File, i).SetArgDisplayNames(e.File));

    [TestCaseSource(nameof(Cases))]
    public void A_damaged_page_is_judged_without_an_exception(string file, int seed)
    {
        var path = RepoPaths.Samples("pages", file);
        var original = CharsetDecoder.Decode(File.ReadAllBytes(path), null).Text;
        var random = new Random(seed);
        var evaluator = Engines.Evaluator();
        for (var round = 0; round < 25; round++)
        {
            var text = Damage.Apply(original, random, 1 + random.Next(6), Pieces, 200);
            try
            {
                var result = evaluator.Evaluate(PageParser.ParseText(text), PageTarget.Of(path));
                Assert.That(result.Requirements.All(r => r.Evidence is not null && r.Message.Length > 0), $"round {round}: every outcome says why");
            }
            catch (Exception e) when (e is not AssertionException)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
    }
}
