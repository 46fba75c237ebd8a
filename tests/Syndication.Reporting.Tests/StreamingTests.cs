using System.Collections;
using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>
/// RunSummary.Pages may be a disk-backed list of thousands: each reporter reads every page once and never the whole
/// list again: in order through its enumerator, or (the HTML and Markdown reports, which show new violations first)
/// each page it shows by its index, in the order the gists say.
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
        Assert.That(pages.Enumerations + pages.ByIndex.Count, Is.EqualTo(1), "one way of reading, once (a page read twice by index fails at once)");
        if (reporter is HtmlReporter)
        {
            Assert.That(pages.ByIndex[0], Has.Count.EqualTo(pages.Count), "every page, each once");
        }

        Assert.That(sink.Length, Is.GreaterThan(0));
    }

    [Test]
    public void The_html_report_reads_the_pages_in_triage_order_new_violations_first()
    {
        var pages = new OnceOnlyPages(SampleRuns.Pages());
        var summary = SampleRuns.Summary(pages.Snapshot()) with { Pages = pages };
        new HtmlReporter().Write(summary, new CountingStream());
        // The new violation (list page 2), then needs review (3), could not check (5), fixed (1), compliant (6), not applicable (4).
        Assert.That(pages.ByIndex.Single(), Is.EqualTo(new[] { 1, 2, 4, 0, 5, 3 }));
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

        /// <summary>The indexes asked for, in order: one list per reading from the first index up.</summary>
        public List<List<int>> ByIndex { get; } = [];

        public PageResult this[int index]
        {
            get
            {
                if (ByIndex.Count == 0)
                {
                    ByIndex.Add([]);
                }

                if (ByIndex[^1].Contains(index))
                {
                    throw new AssertionException($"a reporter read page {index} twice");
                }

                ByIndex[^1].Add(index);
                return pages[index];
            }
        }

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
