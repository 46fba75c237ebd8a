using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Syndication.Testing;

/// <summary>
/// The JSON report's schema (docs/report.schema.json), as the tests apply it. The published schema lets version 1
/// grow (objects allow more properties); the tests hold the reports to it strictly, so every field a report writes is
/// one the schema documents.
/// </summary>
public static class ReportSchema
{
    private static readonly Lazy<JsonSchema> Strict = new(() => JsonSchema.FromText(Closed(JsonNode.Parse(File.ReadAllText(RepoPaths.ReportSchema))!).ToJsonString()));

    /// <summary>The problems of a report ("/pages/3/verdict: …"), none when it is valid.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        // A yes or no first (it stops at the first problem); the detailed list only for a report that fails.
        if (Strict.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        var results = Strict.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var problems = (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return problems.Count > 0 ? problems : ["invalid (no detail)"];
    }

    /// <summary>Every object schema that lists its properties gets additionalProperties: false.</summary>
    private static JsonNode Closed(JsonNode node)
    {
        if (node is JsonObject map)
        {
            foreach (var (_, child) in map.ToList())
            {
                if (child is not null)
                {
                    Closed(child);
                }
            }

            if (map.ContainsKey("properties") && !map.ContainsKey("additionalProperties") && map["type"]?.ToString() == "object")
            {
                map["additionalProperties"] = false;
            }
        }
        else if (node is JsonArray list)
        {
            foreach (var child in list)
            {
                if (child is not null)
                {
                    Closed(child);
                }
            }
        }

        return node;
    }
}
