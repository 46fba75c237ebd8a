using System.Collections;
using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>
/// RunSummary.Pages may be a disk-backed list of thousands: each reporter reads it once, in order, through its
/// enumerator, and never asks for a page by index or for the whole list again.
/// </summary>
public sealed class StreamingTests
{
    [TestCaseSource(typeof(ReporterCatalog), nameof(ReporterCatalog.All))]
    public void Each_reporter_reads_the_pages_once_in_order(IReporter reporter)
    {
        var pages = new OnceOnlyPages(Enumerable.Range(0, 2000).SelectMany(_ => SampleRuns.Pages()).Select(p => p with { Partner = null }).ToList());
        var summary = SampleRuns.Summary(pages.Snapshot()) with { Pages = pages };
        using var sink = new CountingStream();
        reporter.Write(summary, sink);
        Assert.That(pages.Enumerations, Is.EqualTo(1));
        Assert.That(sink.Length, Is.GreaterThan(0));
    }

    [Test]
    public void Annotations_read_the_pages_once_too()
    {
        var pages = new OnceOnlyPages(SampleRuns.Pages());
        var summary = SampleRuns.Summary(pages.Snapshot()) with { Pages = pages };
        GitHubAnnotations.Write(summary, TextWriter.Null);
        Assert.That(pages.Enumerations, Is.EqualTo(1));
    }

    private sealed class OnceOnlyPages(List<PageResult> pages) : IReadOnlyList<PageResult>
    {
        public int Enumerations { get; private set; }

        public int Count => pages.Count;

        public PageResult this[int index] => throw new AssertionException("a reporter asked for a page by index");

        public List<PageResult> Snapshot() => [.. pages];

        public IEnumerator<PageResult> GetEnumerator()
        {
            if (++Enumerations > 1)
            {
                throw new AssertionException("a reporter read the pages twice");
            }

            return pages.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Counts bytes and keeps none, so a large report costs no memory here.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
