using Syndication.Originals;
using Syndication.Parsing;

namespace Syndication.Core.Tests.Parsing;

public sealed class ImageSizeTests
{
    [TestCase("<img id=i width=1 height=1 src=p.gif>", 1.0, 1.0)]
    [TestCase("<img id=i width=\"1px\" height=\"2px\" src=p.gif>", 1.0, 2.0)]
    [TestCase("<img id=i style=\"width: 1px; height:1px\" src=p.gif>", 1.0, 1.0)]
    [TestCase("<img id=i width=640 style=\"height: 360px\" src=p.jpg>", 640.0, 360.0)]
    [TestCase("<img id=i src=p.jpg>", null, null)]
    [TestCase("<img id=i width=auto height=\"\" src=p.jpg>", null, null)]
    public void Reads_the_declared_size_from_attributes_then_the_inline_style(string html, double? width, double? height)
    {
        var image = PageParser.ParseText($"<html><body>{html}</body></html>").Document.GetElementById("i")!;

        Assert.Multiple(() =>
        {
            Assert.That(ImageSize.Width(image), Is.EqualTo(width));
            Assert.That(ImageSize.Height(image), Is.EqualTo(height));
        });
    }

    [TestCase("<img id=i width=1 height=1 src=p.gif>", true)]
    [TestCase("<img id=i width=\"1px\" height=\"1px\" src=p.gif>", true)]
    [TestCase("<img id=i style=\"width:1px;height:1px\" src=p.gif>", true)]
    [TestCase("<img id=i width=640 height=2 src=spacer.gif>", true)]
    [TestCase("<img id=i width=640 height=360 src=photo.jpg>", false)]
    [TestCase("<img id=i src=photo.jpg>", false)]
    public void An_original_s_tracking_pixel_is_known_however_its_size_is_written(string html, bool pixel)
    {
        var image = PageParser.ParseText($"<html><body>{html}</body></html>").Document.GetElementById("i")!;

        Assert.That(StoryMarkup.IsPixel(image), Is.EqualTo(pixel));
    }
}
