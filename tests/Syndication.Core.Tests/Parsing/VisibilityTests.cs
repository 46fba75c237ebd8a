using Syndication.Parsing;

namespace Syndication.Core.Tests.Parsing;

public sealed class VisibilityTests
{
    [TestCase("<p id=t hidden>x</p>", "hidden attribute")]
    [TestCase("<p id=t style='display:none'>x</p>", "display:none")]
    [TestCase("<div style='visibility: hidden'><p id=t>x</p></div>", "visibility:hidden")]
    [TestCase("<div style='opacity:0.0'><p id=t>x</p></div>", "opacity")]
    [TestCase("<style>.byline{display:none}</style><p id=t class=byline>x</p>", "<style> rule")]
    [TestCase("<style>@media screen { #t { visibility: hidden } }</style><p id=t>x</p>", "<style> rule")]
    [TestCase("<p id=t class='sr-only'>x</p>", "sr-only")]
    [TestCase("<p id=t style='position:absolute;left:-9999px'>x</p>", "off-screen")]
    [TestCase("<details><summary>More</summary><p id=t>x</p></details>", "closed <details>")]
    public void Hidden_elements_are_found_with_their_reason(string html, string reason)
    {
        var page = PageParser.ParseText($"<html><body>{html}</body></html>");
        var element = page.Document.GetElementById("t")!;
        Assert.That(page.Visibility.ReasonFor(element), Does.Contain(reason));
    }

    [TestCase("<style>@media print { #t { display: none } }</style><p id=t>x</p>")]
    [TestCase("<style>@media (max-width: 600px) { #t { display: none } }</style><p id=t>x</p>")]
    [TestCase("<style>.b { display: none } div .b { display: block }</style><div><p id=t class=b>x</p></div>")]
    [TestCase("<style>.b { display: none } .b { display: inline }</style><p id=t class=b>x</p>")]
    [TestCase("<style>.b { display: none }</style><p id=t class=b style='display:block'>x</p>")]
    [TestCase("<style>.wp-block-group.is-layout-constrained.wp-container-core-group-is-layout-1.wp-block-group-is-layout-constrained > .b { display: none }</style><div class='wp-block-group is-layout-constrained wp-container-core-group-is-layout-1 wp-block-group-is-layout-constrained'><p id=t class=b style='display:block'>x</p></div>")]
    [TestCase("<style>a:hover .b { display: none }</style><a><p id=t class=b>x</p></a>")]
    [TestCase("<style>.lazyload { opacity: 0 }</style><img id=t class=lazyload data-src=x.png>")]
    [TestCase("<style>html { display: none }</style><p id=t>x</p>")]
    [TestCase("<p id=t class='d-none d-md-block'>x</p>")]
    [TestCase("<details open><p id=t>x</p></details>")]
    public void Elements_a_reader_sees_are_not_hidden(string html)
    {
        var page = PageParser.ParseText($"<html><body>{html}</body></html>");
        Assert.That(page.Visibility.ReasonFor(page.Document.GetElementById("t")!), Is.Null);
    }

    [Test]
    public void Hidden_text_is_kept_apart_from_visible_text()
    {
        var page = PageParser.ParseText("<html><body><p id=t>By <span style='display:none'>Micaela Burrow</span>Staff</p></body></html>");
        var block = page.BlockOf(page.Document.GetElementById("t")!)!;
        Assert.That(block.Text, Is.EqualTo("By Staff"));
        Assert.That(block.HiddenText, Is.EqualTo("Micaela Burrow"));
    }
}
