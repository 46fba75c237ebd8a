using Syndication.Images;

namespace Syndication.Core.Tests.Images;

/// <summary>Hostile images end in a one-line reason, never a crash, a hang or a huge allocation.</summary>
public class ImageDecoderTests
{
    [Test]
    public void A_PNG_declaring_100000_by_100000_pixels_is_refused_before_decoding()
    {
        var bomb = HostileImages.PngDeclaring(100_000, 100_000);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = Assert.Throws<ImageException>(() => ImageDecoder.Decode(bomb, ImageLimits.Default));
        Assert.That(e!.Message, Does.Contain("100,000 x 100,000").And.Contain("cap").And.Contain("not decoded"));
        Assert.That(GC.GetTotalAllocatedBytes(precise: true) - before, Is.LessThan(16 * 1024 * 1024), "nothing near 30 GB was allocated");
    }

    [Test]
    public void A_truncated_image_says_so()
    {
        var e = Assert.Throws<ImageException>(() => ImageDecoder.Decode(HostileImages.Truncated(), ImageLimits.Default));
        Assert.That(e!.Message, Does.Contain("PNG").And.Contain("truncated").Or.Contain("cannot be decoded"));
    }

    [Test]
    public void A_truncated_JPEG_says_so() =>
        Assert.That(
            Assert.Throws<ImageException>(() => ImageDecoder.Decode(HostileImages.Truncate(HostileImages.Jpeg()), ImageLimits.Default))!.Message,
            Does.Contain("JPEG").And.Contain("truncated"));

    [Test]
    public void An_SVG_is_not_rasterised_so_its_script_and_external_image_never_run()
    {
        var e = Assert.Throws<ImageException>(() => ImageDecoder.Decode(HostileImages.SvgWithScript(), ImageLimits.Default));
        Assert.That(e!.Message, Does.Contain("SVG").And.Contain("markup"));
    }

    [Test]
    public void An_animated_GIF_is_compared_by_its_first_frame()
    {
        var image = ImageDecoder.Decode(HostileImages.AnimatedGif(), ImageLimits.Default);
        Assert.Multiple(() =>
        {
            Assert.That(image.Format, Is.EqualTo("GIF"));
            Assert.That(image.Note, Does.Contain("animated (2 frames)"));
            Assert.That(image.OnWhite[0, 0], Is.EqualTo(0).Within(0.01), "the first frame is the black one");
        });
    }

    [Test]
    public void HTML_served_as_an_image_is_not_an_image() =>
        Assert.That(
            Assert.Throws<ImageException>(() => ImageDecoder.Decode(HostileImages.HtmlPage(), ImageLimits.Default))!.Message,
            Is.EqualTo("not an image: the bytes are HTML"));

    [Test]
    public void Bytes_over_the_cap_are_refused()
    {
        var limits = ImageLimits.Default with { MaxBytes = 1000 };
        Assert.That(
            Assert.Throws<ImageException>(() => ImageDecoder.Decode(TestImages.Png(TestImages.Photo()), limits))!.Message,
            Does.Match(@"^the image is [\d,]+ bytes, over the 1,000-byte cap$"));
    }

    [Test]
    public void An_image_over_the_time_cap_is_given_up()
    {
        var limits = ImageLimits.Default with { MaxTime = TimeSpan.Zero };
        Assert.That(
            Assert.Throws<ImageException>(() => ImageDecoder.Decode(TestImages.Png(TestImages.Photo()), limits))!.Message,
            Does.Contain("time cap"));
    }

    [Test]
    public void Empty_and_random_bytes_are_not_images()
    {
        Assert.That(Assert.Throws<ImageException>(() => ImageDecoder.Decode([], ImageLimits.Default))!.Message, Does.Contain("empty"));
        var random = new byte[4096];
        new Random(3).NextBytes(random);
        random[0] = 0x89;
        Assert.That(Assert.Throws<ImageException>(() => ImageDecoder.Decode(random, ImageLimits.Default))!.Message, Does.StartWith("not an image"));
    }

    [Test]
    public void A_damaged_PNG_never_crashes_the_decoder()
    {
        var png = TestImages.Png(TestImages.Logo());
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var damaged = (byte[])png.Clone();
            for (var k = 0; k < 1 + random.Next(8); k++)
            {
                damaged[8 + random.Next(damaged.Length - 8)] = (byte)random.Next(256);
            }

            try
            {
                ImageDecoder.Decode(damaged, ImageLimits.Default);
            }
            catch (ImageException e)
            {
                Assert.That(e.Message, Does.Not.Contain('\n'));
            }
        }
    }
}
