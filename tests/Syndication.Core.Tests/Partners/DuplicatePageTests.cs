using Syndication.Partners;

namespace Syndication.Core.Tests.Partners;

public sealed class DuplicatePageTests
{
    [TestCase("https://news.example/2024/story", "http://www.news.example/2024/story/#top")]
    [TestCase("https://News.Example:443/2024/story?id=1", "https://news.example/2024/story?id=1")]
    [TestCase("https://news.example/a/../2024/story", "https://news.example/2024/story")]
    public void The_same_page_written_another_way_is_one_page(string first, string again)
    {
        var list = Read($"partners:\n  - name: A\n    pages: [\"{first}\", \"https://news.example/other\"]\n  - name: B\n    pages: [\"{again}\"]\n");

        Assert.That(list.Partners[0].Pages.Select(p => p.Location), Is.EqualTo(new[] { first, "https://news.example/other" }));
        Assert.That(list.Partners[1].Pages, Is.Empty);
        var duplicate = list.Duplicates.Single();
        Assert.That((duplicate.KeptPartner, duplicate.Kept.Line, duplicate.DroppedPartner, duplicate.Dropped.Line, duplicate.Dropped.Location), Is.EqualTo(("A", 3L, "B", 5L, again)));
    }

    [TestCase("https://news.example/2024/Story", "https://news.example/2024/story")]
    [TestCase("https://news.example/2024/story?id=1", "https://news.example/2024/story?id=2")]
    [TestCase("https://news.example/2024/story", "https://other.example/2024/story")]
    [TestCase("https://news.example/2024/story", "https://news.example:8443/2024/story")]
    public void Pages_that_differ_are_both_kept(string first, string second)
    {
        var list = Read($"partners:\n  - name: A\n    pages: [\"{first}\", \"{second}\"]\n");

        Assert.That(list.Partners[0].Pages, Has.Count.EqualTo(2));
        Assert.That(list.Duplicates, Is.Empty);
    }

    [Test]
    public void A_file_named_by_its_path_and_by_a_file_url_is_one_page_in_csv_too()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.csv");
        File.WriteAllText(path, $"partner,page\nA,page.html\nA,{new Uri(folder.File("page.html")).AbsoluteUri}\nB,./sub/../page.html\n");

        var list = PartnerListReader.Read(path);

        Assert.That(list.PageCount, Is.EqualTo(1));
        Assert.That(list.Duplicates.Select(d => d.Dropped.Line), Is.EqualTo(new[] { 3L, 4L }));
        Assert.That(list.Duplicates[0].Describe(path), Is.EqualTo($"{path}:2 and line 3 list the same page (\"page.html\" for A, \"{new Uri(folder.File("page.html")).AbsoluteUri}\" for A): it is checked once, for A"));
    }

    private static PartnerList Read(string yaml)
    {
        using var folder = new TempFolder();
        var path = folder.File("list.yaml");
        File.WriteAllText(path, yaml);
        return PartnerListReader.Read(path);
    }
}
