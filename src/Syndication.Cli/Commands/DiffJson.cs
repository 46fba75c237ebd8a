using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Syndication.History;
using Syndication.Reporting;

namespace Syndication.Cli.Commands;

/// <summary>
/// <c>diff --format json</c>: one object, the two runs first, then the counts, then every change (README "History").
/// Streamed, so a diff of two large runs is never held whole as text.
/// </summary>
public static class DiffJson
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static void Write(TextWriter output, RunRecord before, RunRecord after, IReadOnlyList<RunDiff.Line> lines)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            WriteRun(json, "before", before);
            WriteRun(json, "after", after);
            json.WriteStartObject("summary");
            json.WriteNumber("new", lines.Count(l => l.Kind == RunDiff.New));
            json.WriteNumber("fixed", lines.Count(l => l.Kind == RunDiff.Fixed));
            json.WriteNumber("changed", lines.Count(l => l.Kind == RunDiff.Changed));
            json.WriteEndObject();
            json.WriteStartArray("changes");
            foreach (var line in lines)
            {
                json.WriteStartObject();
                json.WriteString("kind", line.Kind);
                json.WriteString("url", line.Url);
                Nullable(json, "partner", line.Partner);
                Nullable(json, "before", line.Before);
                Nullable(json, "after", line.After);
                json.WriteStartArray("failing");
                foreach (var requirement in line.Failed.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    json.WriteStringValue(requirement);
                }

                json.WriteEndArray();
                json.WriteEndObject();
                if (json.BytesPending > 64 * 1024)
                {
                    json.Flush();
                    Drain(buffer, output);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Drain(buffer, output);
        output.WriteLine();
    }

    private static void WriteRun(Utf8JsonWriter json, string name, RunRecord run)
    {
        json.WriteStartObject(name);
        json.WriteNumber("id", run.Id);
        json.WriteString("startedAt", ReportFormatting.Date(run.StartedAt));
        json.WriteString("status", run.Status);
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Drain(MemoryStream buffer, TextWriter output)
    {
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
