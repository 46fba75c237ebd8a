using System.Text;
using Syndication.Parsing;

namespace Syndication.Core.Tests.Parsing;

public sealed class CharsetDecoderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProviderEncoding();

    [Test]
    public void A_byte_order_mark_wins_over_everything()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<meta charset=windows-1252><p>café</p>")).ToArray();
        var decoded = CharsetDecoder.Decode(bytes, "iso-8859-2");
        Assert.That(decoded.EncodingSource, Is.EqualTo("bom"));
        Assert.That(decoded.Text, Does.Contain("café"));
    }

    [Test]
    public void The_http_charset_wins_over_the_meta_tag()
    {
        var bytes = Windows1252.GetBytes("<meta charset=utf-8><p>“quoted” café</p>");
        var decoded = CharsetDecoder.Decode(bytes, "windows-1252");
        Assert.That(decoded.EncodingSource, Is.EqualTo("http"));
        Assert.That(decoded.Text, Does.Contain("“quoted” café"));
    }

    [TestCase("<meta charset=\"windows-1252\">")]
    [TestCase("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">")]
    [TestCase("<META HTTP-EQUIV='content-type' CONTENT='text/html;charset=ISO-8859-1'>")]
    [TestCase("<!-- <meta charset=utf-8> --><meta charset=cp1252>")]
    public void The_meta_prescan_finds_the_declared_encoding(string meta)
    {
        var bytes = Windows1252.GetBytes($"<html><head>{meta}</head><body><p>“Sullivan” — déjà vu</p></body></html>");
        var decoded = CharsetDecoder.Decode(bytes, null);
        Assert.That(decoded.EncodingSource, Is.EqualTo("meta"));
        Assert.That(decoded.Encoding.WebName, Is.EqualTo("windows-1252"));
        Assert.That(decoded.Text, Does.Contain("“Sullivan” — déjà vu"));
    }

    [Test]
    public void Undeclared_bytes_are_utf8_when_valid()
    {
        var decoded = CharsetDecoder.Decode(Encoding.UTF8.GetBytes("<p>Aleš Vávra</p>"), null);
        Assert.That(decoded.EncodingSource, Is.EqualTo("default"));
        Assert.That(decoded.Text, Does.Contain("Aleš Vávra"));
    }

    [Test]
    public void Undeclared_legacy_bytes_fall_back_to_windows_1252_not_replacement_characters()
    {
        var decoded = CharsetDecoder.Decode(Windows1252.GetBytes("<p>It’s “Micaela Burrow” — café</p>"), null);
        Assert.That(decoded.EncodingSource, Is.EqualTo("sniffed"));
        Assert.That(decoded.Text, Does.Contain("It’s “Micaela Burrow” — café"));
        Assert.That(decoded.Text, Does.Not.Contain("\uFFFD"));
    }

    [Test]
    public void A_meta_declaring_utf16_is_read_as_utf8()
    {
        var decoded = CharsetDecoder.Decode(Encoding.UTF8.GetBytes("<meta charset=utf-16><p>Aleš</p>"), null);
        Assert.That(decoded.Encoding.WebName, Is.EqualTo("utf-8"));
        Assert.That(decoded.Text, Does.Contain("Aleš"));
    }

    [TestCase("bogus-charset")]
    [TestCase("")]
    public void An_unknown_label_is_ignored(string label) =>
        Assert.That(CharsetDecoder.Resolve(label), Is.Null);

    private static Encoding CodePagesEncodingProviderEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>
    /// Whatever bytes and charset label a server sends, decoding gives text and names its encoding and where it came
    /// from: 20,000 seeded inputs built from meta-tag fragments, BOMs, quotes, high bytes and labels good and bad.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    public void Any_bytes_and_any_label_decode_without_an_exception(int seed)
    {
        string[] pieces = ["<meta", " charset=", "\"", "'", "utf-8", "windows-1252", "shift_jis", "utf-16le", "x-user-defined", "iso-8859-8-i", " http-equiv=content-type content=\"text/html; charset=",
            "<!--", "-->", ">", "<", "/", " ", "\u00e9", "<?", "<!DOCTYPE", "\uFEFF", "replacement", "gb18030", ";", "="];
        string?[] labels = [null, "", "utf-8", "UTF8", "latin1", "windows-1252", "utf-16", "utf-16be", "bogus", "x-user-defined", "iso-2022-jp", "\"utf-8\"", " big5 "];
        var random = new Random(seed);
        for (var round = 0; round < 10_000; round++)
        {
            var bytes = new List<byte>();
            if (random.Next(10) == 0)
            {
                bytes.AddRange(random.Next(3) switch { 0 => [0xEF, 0xBB, 0xBF], 1 => [0xFF, 0xFE], _ => [0xFE, 0xFF] });
            }

            for (var i = random.Next(12); i > 0; i--)
            {
                bytes.AddRange(random.Next(4) == 0
                    ? Enumerable.Range(0, 1 + random.Next(4)).Select(_ => (byte)random.Next(256))
                    : Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]));
            }

            var label = labels[random.Next(labels.Length)];
            var decoded = CharsetDecoder.Decode([.. bytes], label);
            Assert.That(decoded.Text, Is.Not.Null);
            Assert.That(decoded.Encoding.WebName, Is.Not.Empty);
            Assert.That(decoded.EncodingSource, Is.Not.Empty);
        }
    }
}
