using System.Text;
using Syndication.Originals;

using Syndication.Core.Tests.Support;

namespace Syndication.Core.Tests.Originals;

/// <summary>
/// A licensor's feed can arrive damaged (cut off, edited by hand, mangled by a proxy): reading it gives the originals
/// or fails with one line naming the source, never another exception. Seeded random edits of the sample feed check it.
/// </summary>
public sealed class FeedFuzzTests
{
    private static readonly string[] Pieces = ["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "\"", "'", "=", "/", "\u0000", "\uFEFF", "é", "<item>", "</item>", "<pubDate>", "Tue, 99 Jul 2022", "<dc:creator>", "xmlns:x=\"y\""];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_damaged_feed_reads_or_fails_with_one_line_naming_it(int seed)
    {
        Damage.ReadsOrRefuses<OriginalsException>(
            File.ReadAllText(RepoPaths.Samples("originals", "feed.xml")), seed, Pieces, 30,
            text => OriginalsLoader.Read(Encoding.UTF8.GetBytes(text), null, "feed.xml"),
            Does.Contain("feed.xml"), "some damage (inside a paragraph) still reads");
    }
}
