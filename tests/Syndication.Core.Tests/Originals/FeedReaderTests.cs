using System.Text;
using Syndication.Core.Tests.Support;
using Syndication.Originals;

namespace Syndication.Core.Tests.Originals;

public sealed class FeedReaderTests
{
    [Test]
    public void The_sample_feed_gives_each_original_its_reporters_and_paragraphs()
    {
        var originals = Engines.Samples;
        Assert.That(originals.Select(o => o.Title), Does.Contain("Iran Sending Hundreds Of Armed Drones To Russia"));
        var iran = originals.Single(o => o.Title.StartsWith("Iran", StringComparison.Ordinal));
        Assert.That(iran.Reporters, Is.EqualTo(new[] { "Micaela Burrow" }));
        Assert.That(iran.Paragraphs[0], Does.StartWith("Iran is fast-tracking the transfer"));
        Assert.That(iran.Paragraphs, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(iran.Published, Is.EqualTo(new DateTimeOffset(2022, 7, 11, 21, 40, 4, TimeSpan.Zero)));
        var hospitals = originals.Single(o => o.Title.StartsWith("Rural", StringComparison.Ordinal));
        Assert.That(hospitals.Reporters, Is.EqualTo(new[] { "Owen Thackeray", "Priya Raman" }));
    }

    [Test]
    public void The_storys_links_pictures_and_captions_are_read_from_its_body_with_relative_addresses_resolved_and_caption_links_left_with_the_photo()
    {
        var original = Read("""
            <rss version="2.0"><channel><title>t</title>
            <item><title>T</title><link>https://wire.example/2024/story/</link>
            <description><![CDATA[<p>One <a href="/documents/report.pdf">the report</a> and <a href="#note">a note</a>.</p>
            <figure><img src="/uploads/photo.jpg" width="800"><figcaption>A  photo. <a href="/staff/photographer">By A. Photographer</a></figcaption></figure>
            <p>Two <a href="https://other.example/x">elsewhere</a>, <a href="mailto:a@b.example">mail</a>.</p>
            <img src="https://wire.example/pixel.gif?id=1" width="1" height="1"></p>]]></description></item>
            </channel></rss>
            """).Single();

        Assert.That(original.Links, Is.EqualTo(new[]
        {
            new StoryLink("https://wire.example/documents/report.pdf", "the report"),
            new StoryLink("https://other.example/x", "elsewhere"),
        }));
        Assert.That(original.Images, Is.EqualTo(new[] { "https://wire.example/uploads/photo.jpg" }), "the 1x1 pixel is no picture");
        Assert.That(original.Captions, Is.EqualTo(new[] { "A photo. By A. Photographer" }));
    }

    [Test]
    public void Description_is_the_body_when_there_is_no_content_encoded()
    {
        var originals = Read("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title>
            <item><title>A &amp; B</title><link>https://x.example/a</link><dc:creator>Jane Doe and John Roe</dc:creator>
            <pubDate>Tue, 12 Jul 2022 10:00:00 EST</pubDate><description><![CDATA[<p>First paragraph.</p><p>Second.</p>]]></description></item>
            </channel></rss>
            """);
        var original = originals.Single();
        Assert.That(original.Title, Is.EqualTo("A & B"));
        Assert.That(original.Reporters, Is.EqualTo(new[] { "Jane Doe", "John Roe" }));
        Assert.That(original.Paragraphs, Is.EqualTo(new[] { "First paragraph.", "Second." }));
        Assert.That(original.Url, Is.EqualTo("https://x.example/a"));
    }

    [Test]
    public void Atom_entries_are_read_with_their_authors()
    {
        var originals = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2022-07-12T00:00:00Z</updated>
            <entry><title>Atom story</title><id>urn:1</id><updated>2022-07-12T00:00:00Z</updated><link href="https://x.example/1"/>
            <author><name>Micaela Burrow</name></author><content type="html">&lt;p&gt;Body one.&lt;/p&gt;&lt;p&gt;Body two.&lt;/p&gt;</content></entry></feed>
            """);
        Assert.That(originals.Single().Reporters, Is.EqualTo(new[] { "Micaela Burrow" }));
        Assert.That(originals.Single().Paragraphs, Is.EqualTo(new[] { "Body one.", "Body two." }));
    }

    [Test]
    public void A_malformed_feed_is_a_one_line_error_naming_the_source()
    {
        var error = Assert.Throws<OriginalsException>(() => Read("<rss version=\"2.0\"><channel><item><title>x</title></channel></rss>"));
        Assert.That(error!.Message, Does.StartWith("feed.xml: malformed feed:"));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void An_xml_file_that_is_not_a_feed_is_refused()
    {
        var error = Assert.Throws<OriginalsException>(() => Read("<?xml version=\"1.0\"?><catalog><book/></catalog>"));
        Assert.That(error!.Message, Does.Contain("not an RSS 2.0 or Atom feed"));
    }

    [Test]
    public void A_dtd_is_not_resolved()
    {
        // An external entity must never be fetched or expanded (XXE).
        var originals = Read("""
            <?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>t</title><item><title>Safe</title><description>ok</description></item></channel></rss>
            """);
        Assert.That(originals.Single().Title, Is.EqualTo("Safe"));
    }

    [Test]
    public void Billion_laughs_is_never_expanded_and_says_why_the_feed_is_refused()
    {
        var error = Assert.Throws<OriginalsException>(() => Read("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <rss version="2.0"><channel><title>t</title><item><title>&lol9;</title><description>x</description></item></channel></rss>
            """));
        Assert.That(error!.Message, Does.StartWith("feed.xml: the feed uses an entity only its DTD declares; DTDs are never processed"));
        Assert.That(error.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void An_external_dtd_is_never_fetched()
    {
        // A DTD on a server that would notice the request: the reader must not ask for it.
        var originals = Read("""
            <?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">
            <rss version="2.0"><channel><title>t</title><item><title>Old style</title><link>https://x.example/old</link><description>ok</description></item></channel></rss>
            """);
        Assert.That(originals.Single().Title, Is.EqualTo("Old style"));
    }

    [Test]
    public void A_feed_version_the_reader_does_not_know_is_a_one_line_error()
    {
        var error = Assert.Throws<OriginalsException>(() => Read("<rss version=\"0.91\"><channel><title>t</title><item><title>x</title></item></channel></rss>"));
        Assert.That(error!.Message, Does.StartWith("feed.xml: unreadable feed:").And.Contain("0.91"));
    }

    private static List<Original> Read(string xml) => OriginalsLoader.Read(Encoding.UTF8.GetBytes(xml), null, "feed.xml");
}
