using System.Text;
using Syndication.Originals;

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
            var text = Damage(original, random, 1 + random.Next(4));
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

    private static string Damage(string text, Random random, int edits)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(4))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(30)));
                    break;
                case 1:
                    builder.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 2:
                    builder.Length = at; // cut off
                    break;
                default:
                    var length = Math.Min(builder.Length - at, 1 + random.Next(80));
                    builder.Insert(at, builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
