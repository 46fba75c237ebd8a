using Serilog;
using Serilog.Core;
using Serilog.Events;
using Syndication.Pipeline;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>--format, --output and --output-dir, and writing several formats at once.</summary>
public sealed class ReportPlanTests
{
    [Test]
    public void The_catalog_has_one_reporter_per_format_with_its_own_file()
    {
        Assert.That(ReporterCatalog.ValidNames, Is.EqualTo("console, json, jsonl, junit, html, csv, markdown"));
        Assert.That(ReporterCatalog.All.Select(r => r.FileName), Is.EqualTo(new[] { "report.txt", "report.json", "report.jsonl", "junit.xml", "report.html", "report.csv", "report.md" }));
    }

    [TestCase("xml", "unknown format 'xml'; valid formats: console, json, jsonl, junit, html, csv, markdown")]
    [TestCase("html,pdf", "unknown format 'pdf'; valid formats: console, json, jsonl, junit, html, csv, markdown")]
    [TestCase(" , ", "--format needs a format; valid formats: console, json, jsonl, junit, html, csv, markdown")]
    public void Unknown_format_names_are_answered_with_the_valid_ones(string formats, string message)
    {
        var error = Assert.Throws<ReportOptionsException>(() => ReportPlan.Create(formats, null, "out"));
        Assert.That(error!.Message, Is.EqualTo(message));
    }

    [Test]
    public void Several_formats_with_an_output_dir_go_to_their_own_files_in_order_without_repeats()
    {
        var targets = ReportPlan.Create("HTML, junit,json,html", null, "reports");
        Assert.That(targets.Select(t => (t.Reporter.Format, t.Path)), Is.EqualTo(new[]
        {
            ("html", Path.Combine("reports", "report.html")), ("junit", Path.Combine("reports", "junit.xml")), ("json", Path.Combine("reports", "report.json")),
        }));
    }

    [TestCase("json", null, null, null)]
    [TestCase("markdown", null, null, null)]
    [TestCase("html", null, null, null)]
    [TestCase("junit", null, null, null)]
    [TestCase("csv", null, null, null)]
    [TestCase("html", "r.html", null, "r.html")]
    public void One_format_goes_to_stdout_or_its_file(string formats, string? output, string? dir, string? path)
    {
        var target = ReportPlan.Create(formats, output, dir).Single();
        Assert.That(target.Path, Is.EqualTo(path));
    }

    [TestCase("json,html", "r", null, "--output takes one format; give several formats with --output-dir")]
    [TestCase("json,console", null, null, "several formats need --output-dir DIR")]
    [TestCase("json", "r.json", "dir", "--output and --output-dir cannot be used together")]
    public void Options_that_do_not_fit_together_are_usage_errors(string formats, string? output, string? dir, string message)
    {
        var error = Assert.Throws<ReportOptionsException>(() => ReportPlan.Create(formats, output, dir));
        Assert.That(error!.Message, Does.StartWith(message));
    }

    [Test]
    public void A_reporter_that_fails_is_logged_and_the_others_are_still_written()
    {
        using var folder = new TempFolder();
        var events = new List<LogEvent>();
        using var log = new LoggerConfiguration().WriteTo.Sink(new ListSink(events)).CreateLogger();
        var targets = new[]
        {
            new ReportTarget(new JsonReporter(), folder.File("report.json")),
            new ReportTarget(new FailingReporter(), folder.File("broken.txt")),
            new ReportTarget(new HtmlReporter(), folder.File("report.html")),
            new ReportTarget(new MarkdownReporter(), null),
        };
        using var stdout = new StringWriter();

        var failed = new CompositeReporter(log).Write(SampleRuns.Audit(), targets, stdout);

        Assert.That(failed.Select(t => t.Reporter.Format), Is.EqualTo(new[] { "broken" }));
        Assert.That(File.Exists(folder.File("report.json")) && File.Exists(folder.File("report.html")), Is.True);
        Assert.That(File.Exists(folder.File("broken.txt")), Is.False);
        Assert.That(stdout.ToString(), Is.EqualTo(Render.Text(new MarkdownReporter(), SampleRuns.Audit())), "stdout gets the report as written, streamed");
        var error = events.Single(e => e.Level == LogEventLevel.Error);
        Assert.That(error.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain("Could not write the \"broken\" report").And.Contain("disk full"));
    }

    [Test]
    public void Text_written_to_stdout_keeps_characters_split_across_writes()
    {
        using var writer = new StringWriter();
        using (var stream = new TextWriterStream(writer))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes("Aleš Vávra 🙂");
            foreach (var b in bytes)
            {
                stream.WriteByte(b);
            }
        }

        Assert.That(writer.ToString(), Is.EqualTo("Aleš Vávra 🙂"));
    }

    private sealed class FailingReporter : IReporter
    {
        public string Format => "broken";

        public string FileName => "broken.txt";

        public void Write(RunSummary summary, Stream output)
        {
            output.WriteByte((byte)'x');
            throw new IOException("disk full");
        }
    }

    private sealed class ListSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
