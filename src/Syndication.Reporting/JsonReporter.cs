using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>The JSON report, schema version 1 (README "JSON report"). Written with a streaming writer, fields in a fixed order.</summary>
public sealed class JsonReporter : IReporter
{
    public const int SchemaVersion = 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Escapes < > & ' " (so a report pasted into HTML stays inert) but keeps names like "Aleš Vávra" readable.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string Format => "json";

    public string FileName => "report.json";


    public void Write(RunSummary summary, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", summary.ToolVersion);
        json.WriteEndObject();
        json.WriteString("startedAt", ReportFormatting.Date(summary.StartedAt));
        json.WriteString("finishedAt", ReportFormatting.Date(summary.FinishedAt));
        json.WriteBoolean("complete", summary.Complete);
        WriteSummary(json, summary.Counts);
        json.WriteStartArray("pages");
        foreach (var page in summary.Pages)
        {
            WritePage(json, page);

            // The writer buffers until flushed: without this a 20,000-page report sat whole in memory.
            if (json.BytesPending > 64 * 1024)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        if (summary.Discovery.Count > 0 || summary.Unlicensed.Count > 0)
        {
            WriteDiscovery(json, summary);
        }

        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>"discovery": what the search of each site came to; "unlicensed": the watched sites' republications.</summary>
    internal static void WriteDiscovery(Utf8JsonWriter json, RunSummary summary)
    {
        json.WriteStartArray("discovery");
        foreach (var site in summary.Discovery)
        {
            json.WriteStartObject();
            json.WriteString("name", site.Name);
            json.WriteString("site", site.Site);
            json.WriteBoolean("watched", site.Watched);
            json.WriteNumber("sourcesRead", site.SourcesRead);
            json.WriteNumber("sourcesUnchanged", site.SourcesUnchanged);
            json.WriteNumber("listed", site.Listed);
            json.WriteNumber("candidates", site.Candidates);
            json.WriteNumber("fetched", site.Fetched);
            json.WriteNumber("waiting", site.Waiting);
            json.WriteNumber("foundBefore", site.KnownRepublications);
            json.WriteStartArray("newlyFound");
            foreach (var found in site.NewlyFound)
            {
                json.WriteStartObject();
                json.WriteString("url", found.Url);
                json.WriteStartObject("original");
                json.WriteString("title", found.OriginalTitle);
                WriteNullable(json, "url", found.OriginalUrl);
                json.WriteEndObject();
                json.WriteString("via", found.Via);
                json.WriteString("verdict", VerdictNames.Of(found.Verdict));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in site.Problems)
            {
                json.WriteStringValue(problem);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unlicensed");
        foreach (var page in summary.Unlicensed)
        {
            json.WriteStartObject();
            json.WriteString("url", page.Url);
            json.WriteString("site", page.Site);
            WriteOriginal(json, page.Original);
            WriteFound(json, page.Found);
            if (page.Fetch is { } fetch)
            {
                WriteFetch(json, fetch);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOriginal(Utf8JsonWriter json, OriginalInfo original)
    {
        json.WriteStartObject("original");
        json.WriteString("title", original.Title);
        WriteNullable(json, "url", original.Url);
        json.WriteStartArray("reporters");
        foreach (var reporter in original.Reporters)
        {
            json.WriteStringValue(reporter);
        }

        json.WriteEndArray();
        json.WriteNumber("match", Math.Round(original.Match, 3));
        json.WriteEndObject();
    }

    internal static void WriteSummary(Utf8JsonWriter json, VerdictCounts counts)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("pages", counts.Pages);
        json.WriteNumber("compliant", counts.Compliant);
        json.WriteNumber("nonCompliant", counts.NonCompliant);
        json.WriteNumber("needsReview", counts.NeedsReview);
        json.WriteNumber("notApplicable", counts.NotApplicable);
        json.WriteNumber("errors", counts.Errors);
        json.WriteEndObject();
    }

    /// <summary>change and since (null without history), and for a violation how many runs in a row it has been seen.</summary>
    private static void WriteChange(Utf8JsonWriter json, string? change, DateTimeOffset? since, int? streak)
    {
        WriteNullable(json, "change", change);
        WriteNullable(json, "since", since is { } at ? ReportFormatting.Date(at) : null);
        if (streak is { } runs)
        {
            json.WriteNumber("runs", runs);
        }
    }

    /// <summary>Writes one page object of the "pages" array.</summary>
    internal static void WritePage(Utf8JsonWriter json, PageResult page)
    {
        json.WriteStartObject();
        json.WriteString("url", page.Url);
        WriteNullable(json, "partner", page.Partner);
        json.WriteString("verdict", VerdictNames.Of(page.Verdict));
        WriteChange(json, page.Change, page.Since, page.Streak);
        if (page.Confirmed is { } confirmed)
        {
            json.WriteBoolean("confirmed", confirmed);
        }

        if (page.Waived)
        {
            json.WriteBoolean("waived", true);
        }

        if (page.Original is { } original)
        {
            WriteOriginal(json, original);
        }
        else
        {
            json.WriteNull("original");
        }

        json.WriteStartArray("requirements");
        foreach (var requirement in page.Requirements)
        {
            json.WriteStartObject();
            json.WriteString("id", requirement.Id);
            json.WriteString("status", VerdictNames.Of(requirement.Status));
            json.WriteString("message", requirement.Message);
            WriteChange(json, requirement.Change, requirement.Since, requirement.Streak);
            if (requirement.Waiver is { } waiver)
            {
                json.WriteStartObject("waiver");
                json.WriteString("reason", waiver.Reason);
                json.WriteString("agreedBy", waiver.AgreedBy);
                json.WriteString("expires", ReportFormatting.Day(waiver.Expires));
                json.WriteBoolean("expired", waiver.Expired);
                json.WriteEndObject();
            }

            json.WriteStartArray("evidence");
            foreach (var evidence in requirement.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("selector", evidence.Selector);
                json.WriteString("html", evidence.Html);
                json.WriteString("text", evidence.Text);
                WriteNullable(json, "note", evidence.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (page.Error is { } error)
        {
            json.WriteStartObject("error");
            json.WriteString("kind", error.Kind);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("error");
        }

        WriteNullable(json, "note", page.Note);
        WriteNullable(json, "region", page.Region);
        if (page.Found is { } found)
        {
            WriteFound(json, found);
        }

        if (page.Fetch is { } fetch)
        {
            WriteFetch(json, fetch);
        }

        if (page.Rendered is { } rendered)
        {
            WriteRendered(json, rendered);
        }

        json.WriteEndObject();
    }

    private static void WriteRendered(Utf8JsonWriter json, Syndication.Rendering.RenderFacts rendered)
    {
        json.WriteStartObject("rendered");
        json.WriteString("why", rendered.Why);
        json.WriteNumber("elapsedMs", rendered.ElapsedMs);
        json.WriteNumber("requests", rendered.Requests);
        json.WriteNumber("bytes", rendered.Bytes);
        json.WriteNumber("refusedCount", rendered.RefusedCount);
        json.WriteStartArray("refused");
        foreach (var line in rendered.Refused)
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteNumber("elements", rendered.Elements);
        json.WriteNumber("hidden", rendered.Hidden);
        json.WriteStartArray("screenshots");
        foreach (var shot in rendered.Screenshots)
        {
            json.WriteStartObject();
            json.WriteString("name", shot.Name);
            json.WriteString("sha256", shot.Sha256);
            json.WriteNumber("bytes", shot.Bytes);
            json.WriteNumber("width", shot.Width);
            json.WriteNumber("height", shot.Height);
            json.WriteStartArray("outlined");
            foreach (var outlined in shot.Outlined)
            {
                json.WriteStringValue(outlined);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNullable(json, "screenshotProblem", rendered.ScreenshotProblem);
        json.WriteEndObject();
    }

    private static void WriteFound(Utf8JsonWriter json, FoundNote found)
    {
        json.WriteStartObject("found");
        json.WriteString("on", ReportFormatting.Date(found.On));
        json.WriteString("via", found.Via);
        json.WriteBoolean("new", found.New);
        json.WriteEndObject();
    }

    private static void WriteFetch(Utf8JsonWriter json, FetchFacts fetch)
    {
        json.WriteStartObject("fetch");
        if (fetch.Status is { } status)
        {
            json.WriteNumber("status", status);
        }

        WriteNullable(json, "finalUrl", fetch.FinalUrl);
        if (fetch.Redirects.Count > 0)
        {
            json.WriteStartArray("redirects");
            foreach (var hop in fetch.Redirects)
            {
                json.WriteStringValue(hop);
            }

            json.WriteEndArray();
        }

        WriteNullable(json, "contentType", fetch.ContentType);
        WriteNullable(json, "encoding", fetch.Encoding);
        WriteNullable(json, "sha256", fetch.ContentHash);
        json.WriteNumber("bytes", fetch.Bytes);
        json.WriteNumber("elapsedMs", fetch.ElapsedMs);
        json.WriteBoolean("fromCache", fetch.FromCache);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
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
}
