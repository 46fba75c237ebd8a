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
        var original = File.ReadAllText(RepoPaths.Samples("originals", "feed.xml"));
        var random = new Random(seed);
        var (read, refused) = (0, 0);
        for (var round = 0; round < 300; round++)
        {
            var text = Damage.Apply(original, random, 1 + random.Next(4), Pieces, 30);
            try
            {
                OriginalsLoader.Read(Encoding.UTF8.GetBytes(text), null, "feed.xml");
                read++;
            }
            catch (OriginalsException e)
            {
                refused++;
                Assert.That(e.Message, Does.Contain("feed.xml").And.Not.Contain('\n'), $"round {round}: {e.Message}");
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- feed ---\n{text}");
            }
        }

        Assert.That(refused, Is.GreaterThan(0), "some damage is refused");
        Assert.That(read, Is.GreaterThan(0), "some damage (inside a paragraph) still reads");
    }
}
