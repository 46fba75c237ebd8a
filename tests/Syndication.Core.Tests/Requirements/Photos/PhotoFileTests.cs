using Syndication.Requirements.Photos;

namespace Syndication.Core.Tests.Requirements.Photos;

/// <summary>A photo's file name as it survives a re-upload, and whether it is distinctive enough to tell two photos apart.</summary>
public sealed class PhotoFileTests
{
    [TestCase("https://wire.example/wp-content/uploads/2024/03/dry-well-tulare-1024x683.jpg", "dry-well-tulare")]
    [TestCase("https://partner.example/media/Dry-Well-Tulare-scaled.JPG?w=800&quality=80", "dry-well-tulare")]
    [TestCase("https://cdn.example/i/dry%20well%402x.webp", "dry well")]
    [TestCase("https://wire.example/photos/", "photos")]
    [TestCase("https://wire.example/", null)]
    public void The_stem_drops_the_sizes_a_cms_adds(string url, string? stem) =>
        Assert.That(PhotoFile.Stem(new Uri(url)), Is.EqualTo(stem));

    [TestCase("dry-well-tulare", true)]
    [TestCase("castaneda-board-vote", true)]
    [TestCase("img_0412", false)]
    [TestCase("dsc-00231", false)]
    [TestCase("image", false)]
    [TestCase("12345678", false)]
    [TestCase("hero", false)]
    public void A_cameras_counter_or_a_generic_word_is_not_distinctive(string stem, bool distinctive) =>
        Assert.That(PhotoFile.IsDistinctive(stem), Is.EqualTo(distinctive));
}
