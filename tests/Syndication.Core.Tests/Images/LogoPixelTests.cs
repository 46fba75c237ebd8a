using SkiaSharp;
using Syndication.Resources;
using Syndication.Verdicts;
using static Syndication.Core.Tests.Images.TestImages;

namespace Syndication.Core.Tests.Images;

/// <summary>
/// The logo check with pixels, end to end: pages and images on a loopback server that counts requests, fetched by
/// the real fetcher, judged by the page pipeline. The logo is re-hosted under an unhelpful name with empty alt text.
/// </summary>
public class LogoPixelTests
{
    [Test]
    public async Task The_licensors_logo_re_hosted_under_any_name_passes_and_the_reference_is_fetched_once()
    {
        await using var site = await LogoPage.StartAsync();
        var variants = new (string Name, string Path, Func<byte[]> Bytes, string Type)[]
        {
            ("PNG", "/wp-content/uploads/2022/07/image-3.png", () => Png(Logo()), "image/png"),
            ("JPEG quality 60", "/wp-content/uploads/2022/07/Untitled-1-300x75.jpg", () => LogoPage.Jpeg(Logo()), "image/jpeg"),
            ("WebP", "/wp-content/uploads/2022/07/image-4.webp", () => Encode(Logo(), SKEncodedImageFormat.Webp, 75), "image/webp"),
            ("50%", "/wp-content/uploads/2022/07/image-5.png", () => Png(Resized(Logo(), 0.5)), "image/png"),
            ("200%", "/wp-content/uploads/2022/07/image-6.png", () => Png(Resized(Logo(), 2)), "image/png"),
            ("padded", "/wp-content/uploads/2022/07/image-7.png", () => Png(Padded(Logo(), 50, SKColors.White)), "image/png"),
            ("dark background", "/wp-content/uploads/2022/07/image-8.png", () => Png(Padded(Logo(), 30, new SKColor(0x15, 0x15, 0x15))), "image/png"),
            ("1200 x 300 banner", "/wp-content/uploads/2022/07/banner.jpg", () => LogoPage.Jpeg(Banner(Logo()), 80), "image/jpeg"),
        };
        foreach (var (name, path, bytes, type) in variants)
        {
            var result = await site.CheckWithImageAsync(path, bytes(), type);
            var logo = LogoOutcome(result);
            Assert.That(logo.Status, Is.EqualTo(Outcome.Pass), $"{name}: {logo.Message}");
            Assert.That(logo.Message, Does.Contain("recognised by its pixels").And.Contain("matches the reference logo"), name);
            Assert.That(logo.Evidence[0].Html, Does.Contain(path), name);
            Assert.That(site.Server.Hits(path), Is.EqualTo(1), name);
        }

        Assert.That(site.Server.Hits(LogoPage.ReferencePath), Is.EqualTo(1), "the reference logo is fetched once per run");
    }

    [TestCase("a look-alike", "lookalike")]
    [TestCase("a photo", "photo")]
    [TestCase("a blank image", "blank")]
    public async Task Another_picture_does_not_pass(string name, string kind)
    {
        await using var site = await LogoPage.StartAsync();
        var bytes = kind switch
        {
            "lookalike" => Png(Logo("NEWS")),
            "photo" => LogoPage.Jpeg(Photo(), 80),
            _ => Png(Blank()),
        };
        var logo = LogoOutcome(await site.CheckWithImageAsync("/wp-content/uploads/2022/07/image-3.png", bytes));
        Assert.That(logo.Status, Is.Not.EqualTo(Outcome.Pass), logo.Message);
        Assert.That(site.Server.Hits("/wp-content/uploads/2022/07/image-3.png"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_file_named_as_the_logo_that_shows_another_picture_is_for_review_with_both_facts()
    {
        await using var site = await LogoPage.StartAsync();
        var logo = LogoOutcome(await site.CheckWithImageAsync("/wp-content/uploads/2022/03/dcnf-logo.png", LogoPage.Jpeg(Photo(), 80), "image/png"));
        Assert.Multiple(() =>
        {
            Assert.That(logo.Status, Is.EqualTo(Outcome.Review));
            Assert.That(logo.Message, Does.Contain("file name \"dcnf-logo.png\" names the licensor").And.Contain("its pixels show another picture").And.Contain("does not match"));
        });
    }

    [Test]
    public async Task A_named_logo_whose_pixels_match_passes_with_the_pixels_as_evidence()
    {
        await using var site = await LogoPage.StartAsync();
        var logo = LogoOutcome(await site.CheckWithImageAsync("/wp-content/uploads/2022/03/dcnf-logo.png", Png(Logo()), alt: "Daily Caller News Foundation"));
        Assert.That(logo.Status, Is.EqualTo(Outcome.Pass));
        Assert.That(logo.Evidence[0].Note, Does.Contain("matches the reference logo"));
    }

    [Test]
    public async Task Only_images_in_the_article_are_fetched_never_chrome_related_posts_comments_or_ads()
    {
        await using var site = await LogoPage.StartAsync();
        var result = await site.CheckWithImageAsync("/wp-content/uploads/2022/07/image-3.png", Png(Logo()));
        Assert.That(LogoOutcome(result).Status, Is.EqualTo(Outcome.Pass));
        var fetched = site.ImagesFetched();
        Assert.That(fetched.Keys, Has.None.Contains("related").And.None.Contains("fho-logo").And.None.Contains("creative").And.None.Contains("bc3a1b2").And.None.Contains("bcaa1b2"), string.Join(", ", fetched.Keys));
        Assert.That(fetched.Keys, Does.Contain("/wp-content/uploads/2022/07/image-3.png"));
        Assert.That(fetched.Count, Is.LessThanOrEqualTo(2), string.Join(", ", fetched.Keys));
    }

    [Test]
    public async Task No_image_is_fetched_when_the_markup_names_the_profiles_own_logo_url_or_images_are_off()
    {
        await using (var site = await LogoPage.StartAsync())
        {
            var known = "https://dailycallernewsfoundation.org/wp-content/uploads/2019/02/dcnf-logo.png";
            var result = await site.CheckAsync($"<p><img src=\"{known}\" alt=\"\"></p>");
            Assert.That(LogoOutcome(result).Status, Is.EqualTo(Outcome.Pass));
            Assert.That(site.ImagesFetched(), Is.Empty);
            Assert.That(site.Server.Hits(LogoPage.ReferencePath), Is.Zero, "no page needed the reference logos");
        }

        await using (var site = await LogoPage.StartAsync(new ResourceOptions { Images = false }))
        {
            var result = await site.CheckWithImageAsync("/wp-content/uploads/2022/07/image-3.png", Png(Logo()));
            Assert.That(LogoOutcome(result).Status, Is.EqualTo(Outcome.Fail), "markup alone cannot see an unnamed logo");
            Assert.That(site.ImagesFetched(), Is.Empty);
        }
    }

    [Test]
    public async Task At_most_the_cap_of_images_is_fetched_for_a_page()
    {
        await using var site = await LogoPage.StartAsync(new ResourceOptions { MaxImagesPerPage = 3 });
        var images = string.Concat(Enumerable.Range(0, 8).Select(i => $"<p><img src=\"/uploads/photo-{i}.jpg\" width=\"300\" height=\"75\" alt=\"\"></p>"));
        var result = await site.CheckAsync(images);
        Assert.That(LogoOutcome(result).Status, Is.EqualTo(Outcome.Fail));
        Assert.That(site.ImagesFetched().Values.Sum(), Is.EqualTo(3), string.Join(", ", site.ImagesFetched().Keys));
        Assert.That(LogoOutcome(result).Message, Does.Contain("could not be compared"));
    }

    public static IEnumerable<TestCaseData> Hostile()
    {
        yield return new TestCaseData(HostileImages.PngDeclaring(100_000, 100_000), "image/png", "100,000 x 100,000").SetArgDisplayNames("decompression bomb");
        yield return new TestCaseData(HostileImages.Truncated(), "image/png", "truncated").SetArgDisplayNames("truncated PNG");
        yield return new TestCaseData(HostileImages.SvgWithScript(), "image/svg+xml", "SVG image: judged by its markup only").SetArgDisplayNames("SVG with script and external image");
        yield return new TestCaseData(HostileImages.HtmlPage(), "image/png", "not an image: the bytes are HTML").SetArgDisplayNames("HTML served as image/png");
        yield return new TestCaseData(Png(Logo()), "text/html", "not an image").SetArgDisplayNames("an image served as text/html");
        yield return new TestCaseData(new byte[4 * 1024 * 1024], "image/png", "limit").SetArgDisplayNames("a 4 MiB file");
    }

    [TestCaseSource(nameof(Hostile))]
    public async Task A_hostile_image_is_one_line_reason_and_the_page_is_still_judged(byte[] bytes, string contentType, string reason)
    {
        await using var site = await LogoPage.StartAsync();
        var result = await site.CheckWithImageAsync("/wp-content/uploads/2022/07/image-3.png", bytes, contentType);
        var logo = LogoOutcome(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.Null);
            Assert.That(result.Requirements.Single(r => r.Id == "byline").Status, Is.EqualTo(Outcome.Pass), "the page's other evidence is still judged");
            Assert.That(logo.Status, Is.EqualTo(Outcome.Fail), logo.Message);
            Assert.That(logo.Evidence.Select(e => e.Note), Has.Some.Contains(reason), string.Join(" | ", logo.Evidence.Select(e => e.Note)));
            Assert.That(logo.Evidence.Select(e => e.Note ?? string.Empty), Has.All.Not.Contain('\n'));
        });
    }

    [Test]
    public async Task An_animated_GIF_is_compared_by_its_first_frame()
    {
        await using var site = await LogoPage.StartAsync();
        var logo = LogoOutcome(await site.CheckWithImageAsync("/uploads/anim.gif", HostileImages.AnimatedGif(), "image/gif"));
        Assert.That(logo.Status, Is.EqualTo(Outcome.Fail));
        Assert.That(logo.Evidence.Select(e => e.Note), Has.Some.Contains("blank"));
    }

    private static RequirementOutcome LogoOutcome(Syndication.Pipeline.PageResult result) =>
        result.Requirements.SingleOrDefault(r => r.Id == "logo") ?? throw new AssertionException($"no logo outcome: {result.Verdict} {result.Error?.Message} {result.Note}");
}
