using Syndication.Files;
using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>A crash while a report is written never leaves a half-written report in place of the previous one.</summary>
public sealed class AtomicWriteTests
{
    [TestCaseSource(typeof(ReporterCatalog), nameof(ReporterCatalog.All))]
    public void A_failure_mid_report_leaves_the_previous_report_intact(IReporter reporter)
    {
        using var folder = new TempFolder();
        var path = folder.File(reporter.FileName);
        File.WriteAllText(path, "the previous report");
        var summary = SampleRuns.Audit() with { Pages = new ExplodingPages(SampleRuns.Pages(), explodeAt: 3) };

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream => reporter.Write(summary, stream)));

        Assert.That(File.ReadAllText(path), Is.EqualTo("the previous report"));
        Assert.That(Directory.GetFiles(folder.Path), Is.EqualTo(new[] { path }), "no temporary file is left behind");
    }

    [Test]
    public void A_finished_report_replaces_the_previous_one_whole()
    {
        using var folder = new TempFolder();
        var path = folder.File("report.json");
        File.WriteAllText(path, "old");
        AtomicFile.Write(path, stream => new JsonReporter().Write(SampleRuns.Audit(), stream));
        Assert.That(File.ReadAllBytes(path), Is.EqualTo(Render.Bytes(new JsonReporter(), SampleRuns.Audit())));
        Assert.That(Directory.GetFiles(folder.Path), Has.Length.EqualTo(1));
    }

    [Test]
    public void The_temporary_file_is_in_the_target_s_folder_so_the_rename_is_atomic()
    {
        using var folder = new TempFolder();
        string? seen = null;
        AtomicFile.Write(folder.File("sub/report.csv"), stream => seen = ((FileStream)stream).Name);
        Assert.That(Path.GetDirectoryName(seen), Is.EqualTo(Path.Combine(folder.Path, "sub")));
        Assert.That(File.Exists(folder.File("sub/report.csv")), Is.True);
    }

    /// <summary>A page list whose reading fails part-way, as a disk-backed list might.</summary>
    private sealed class ExplodingPages(IReadOnlyList<PageResult> pages, int explodeAt) : IReadOnlyList<PageResult>
    {
        public int Count => pages.Count;

        public PageResult this[int index] => index < explodeAt ? pages[index] : throw new IOException("the spool file went away");

        public IEnumerator<PageResult> GetEnumerator()
        {
            for (var i = 0; i < pages.Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
