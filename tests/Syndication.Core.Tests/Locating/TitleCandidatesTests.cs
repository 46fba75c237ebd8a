using AngleSharp.Dom;
using Syndication.Locating;
using Syndication.Parsing;

namespace Syndication.Core.Tests.Locating;

/// <summary>
/// The locator tests title candidates element by element instead of running a selector over the whole page; on every
/// sample and real page it must pick exactly what the selector picks. Selector paths count ids in one walk per page;
/// they must still find exactly their element.
/// </summary>
public sealed class TitleCandidatesTests
{
    private const string TitleSelector = "h1, h2, h3, [itemprop~=headline], [class*=title], [class*=headline]";

    private static IEnumerable<TestCaseData> Pages() =>
        Directory.GetFiles(RepoPaths.Samples("pages"), "*.html").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f), (Func<byte[]>)(() => File.ReadAllBytes(f))).SetArgDisplayNames(Path.GetFileName(f)))
            .Concat(RealPageCase.Load().Select(c => new TestCaseData(c.Name, (Func<byte[]>)c.Bytes).SetArgDisplayNames(c.Name)));

    [TestCaseSource(nameof(Pages))]
    public void Title_candidates_are_what_the_selector_matches(string name, Func<byte[]> bytes)
    {
        var page = PageParser.Parse(bytes(), null);
        var bySelector = page.Document.QuerySelectorAll(TitleSelector).ToHashSet();
        var byTest = page.Order.Elements.Where(ArticleLocator.MayBeTitle).ToHashSet();
        Assert.That(byTest, Is.EquivalentTo(bySelector), name);
    }

    [Test]
    public void Most_pages_have_title_candidates_so_the_comparison_is_not_empty() =>
        Assert.That(Pages().Count(p => PageParser.Parse(((Func<byte[]>)p.Arguments[1]!)(), null).Order.Elements.Any(ArticleLocator.MayBeTitle)), Is.GreaterThan(80));

    [Test]
    public void A_prefixed_tag_name_is_escaped_in_a_selector_path()
    {
        var page = PageParser.ParseText("<html><body><a0:nav><a0:ul><li>one</li></a0:ul></a0:nav><a0:nav><a0:ul><li>two</li></a0:ul></a0:nav></body></html>");
        var li = page.Order.Elements.Last(e => e.LocalName == "li");
        var selector = SelectorPath.For(li);
        Assert.That(selector, Is.EqualTo(@"body > a0\:nav:nth-of-type(2) > a0\:ul > li"));
        Assert.That(page.Document.QuerySelectorAll(selector), Has.Length.EqualTo(1).And.Member(li));
    }

    [TestCaseSource(nameof(Pages))]
    public void Selector_paths_find_exactly_their_element(string name, Func<byte[]> bytes)
    {
        var page = PageParser.Parse(bytes(), null);
        var elements = page.Order.Elements.Where(e => e.LocalName is not ("html" or "head")).ToList();
        var withIds = elements.Where(e => e.Id is { Length: > 0 }).Take(40);
        var spread = elements.Where((_, i) => i % Math.Max(1, elements.Count / 40) == 0);
        foreach (var element in withIds.Concat(spread).Distinct())
        {
            var selector = SelectorPath.For(element);
            IHtmlCollection<IElement> found;
            try
            {
                found = page.Document.QuerySelectorAll(selector);
            }
            catch (DomException)
            {
                Assert.Fail($"{name}: {selector} is not a valid selector");
                return;
            }

            Assert.That(found, Has.Length.EqualTo(1).And.Member(element), $"{name}: {selector}");
        }
    }
}
