using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>
/// The JSON report as JSON Lines (README "Reports"): the run first, on one line (<c>"kind": "run"</c>, its times,
/// completeness and counts), then one page a line, each the JSON report's page object, then, for a run that searched
/// sites, one line with its discovery (<c>"kind": "discovery"</c>). A consumer reads the counts without reading the
/// pages, and reads the pages one at a time, whatever the run's size.
/// </summary>
public sealed class JsonLinesReporter : IReporter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string Format => "jsonl";

    public string FileName => "report.jsonl";


    public void Write(RunSummary summary, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteString("kind", "run");
        json.WriteNumber("schemaVersion", JsonReporter.SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", summary.ToolVersion);
        json.WriteEndObject();
        json.WriteString("startedAt", ReportFormatting.Date(summary.StartedAt));
        json.WriteString("finishedAt", ReportFormatting.Date(summary.FinishedAt));
        json.WriteBoolean("complete", summary.Complete);
        JsonReporter.WriteSummary(json, summary.Counts);
        json.WriteEndObject();
        Line(json, output);
        foreach (var page in summary.Pages)
        {
            JsonReporter.WritePage(json, page);
            Line(json, output);
        }

        if (summary.Discovery.Count > 0 || summary.Unlicensed.Count > 0)
        {
            json.WriteStartObject();
            json.WriteString("kind", "discovery");
            JsonReporter.WriteDiscovery(json, summary);
            json.WriteEndObject();
            Line(json, output);
        }
    }

    private static void Line(Utf8JsonWriter json, Stream output)
    {
        json.Flush();
        output.WriteByte((byte)'\n');
        json.Reset();
    }
}
