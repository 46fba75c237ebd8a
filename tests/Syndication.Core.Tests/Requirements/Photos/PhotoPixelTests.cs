using Serilog;
using SkiaSharp;
using Syndication.Core.Tests.Fetching;
using Syndication.Core.Tests.Images;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Resources;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Requirements.Photos;

/// <summary>
/// A photo re-uploaded under a name of the partner's own is found by its pixels: the runner fetches the article's
/// unknown pictures and the original's photos through the guarded fetcher (a loopback server here), and the image
/// matcher the logos use compares them.
/// </summary>
public sealed class PhotoPixelTests
{
    private static readonly string[] Story =
    [
        "The county water board voted on Tuesday to ration deliveries to the eastern farms for the rest of the summer season.",
        "Growers said the cut would leave orchards without water during the hottest weeks, according to a letter sent to the board.",
        "Board members said the reservoir had fallen to a third of its capacity and that the city's supply had to come first this year.",
    ];

    private static readonly LicenceProfile Profile = ProfileLoader.Parse("licensor: Example Wire\nrequirements: [photos]\n", "wire.yaml");

    [Test]
    public async Task The_originals_photo_resized_or_cropped_under_another_name_fails_by_its_pixels_and_another_photo_passes()
    {
        await using var server = await FaultServer.StartAsync();
        using var photo = TestImages.Photo(800, 600, seed: 7);
        using var smaller = TestImages.Resized(photo, 0.6);
        using var other = TestImages.Photo(800, 600, seed: 11);
        server.Bytes("/wire/uploads/dry-well.jpg", LogoPage.Jpeg(photo, 85), "image/jpeg");
        server.Bytes("/partner/media/IMG-4412-web.jpg", LogoPage.Jpeg(smaller, 60), "image/jpeg");
        server.Bytes("/partner/media/board-vote.jpg", LogoPage.Jpeg(other, 70), "image/jpeg");
        using var fetcher = Engine.CreateFetcher(new FetchOptions { Addresses = AddressPolicy.PublicAndLoopback, MaxRetries = 0 }, TimeProvider.System);
        var original = new Original
        {
            Title = "County Board Rations Water To Eastern Farms",
            Url = server.Url("/wire/2024/06/01/rations/").AbsoluteUri,
            Reporters = ["Ana Ruiz"],
            Paragraphs = Story,
            Links = [],
            Images = [server.Url("/wire/uploads/dry-well.jpg").AbsoluteUri],
            Source = "wire.xml",
        };
        var checker = new PageChecker(fetcher, new PageEvaluator(new CheckSettings(Profile, new OriginalCatalogue([original], Profile), [])), new LoggerConfiguration().CreateLogger());

        async Task<RequirementOutcome> CheckAsync(string picture, ResourceOptions? resources = null)
        {
            var path = $"/partner/{Guid.NewGuid():N}/";
            server.Html(path, $"""
                <html><body><article><h1>{original.Title}</h1><p class="byline">By Ana Ruiz</p>
                <p>{Story[0]}</p><figure><img src="{picture}" width="480" height="360" alt=""></figure><p>{Story[1]}</p><p>{Story[2]}</p>
                </article></body></html>
                """);
            var page = resources is null ? checker : new PageChecker(fetcher, new PageEvaluator(new CheckSettings(Profile, new OriginalCatalogue([original], Profile), [])), new LoggerConfiguration().CreateLogger(), resources);
            var result = await page.CheckAsync(PageTarget.Of(server.Url(path).AbsoluteUri), CancellationToken.None);
            return result.Requirements.Single();
        }

        using var cropped = new SKBitmap(640, 480);
        photo.ExtractSubset(cropped, SKRectI.Create(80, 60, 640, 480));
        server.Bytes("/partner/media/crop.jpg", LogoPage.Jpeg(cropped, 70), "image/jpeg");
        var crop = await CheckAsync("/partner/media/crop.jpg");
        Assert.That(crop.Status, Is.EqualTo(Outcome.Fail), "a crop of four fifths, re-encoded: " + crop.Message);

        var copy = await CheckAsync("/partner/media/IMG-4412-web.jpg");
        Assert.That(copy.Status, Is.EqualTo(Outcome.Fail), copy.Message);
        Assert.That(copy.Message, Does.Contain("under another name").And.Contain("pixels"));

        var own = await CheckAsync("/partner/media/board-vote.jpg");
        Assert.That(own.Status, Is.EqualTo(Outcome.Pass), own.Message);
        Assert.That(own.Message, Does.Contain("1 other picture(s) compared by their pixels"));

        // Without images the markup alone decides: nothing ties the renamed copy to the original.
        var unfetched = await CheckAsync("/partner/media/IMG-4412-web.jpg", new ResourceOptions { Images = false });
        Assert.That(unfetched.Status, Is.EqualTo(Outcome.Pass), unfetched.Message);
        Assert.That(unfetched.Message, Does.Not.Contain("compared by their pixels"));
    }
}
