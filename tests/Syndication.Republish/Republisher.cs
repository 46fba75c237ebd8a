using AngleSharp;
using AngleSharp.Dom;
using Syndication.Originals;
using Syndication.Testing;

namespace Syndication.Republish;

/// <summary>
/// One generated page: which template and variant, its document (as the generator built it) and its label. Its HTML
/// is the document written out; parsed again, it gives the same page (the tests check that on a sample).
/// </summary>
public sealed record RepublishedPage(string Template, string Variant, string OriginalTitle, AngleSharp.Dom.IDocument Document, Label Label)
{
    public string Name => $"{Template} {Variant}";

    public string Html => Document.ToHtml();

    public override string ToString() => Name;
}

/// <summary>
/// Puts originals into real pages' templates, every variant on every template: the set grows with every real page
/// added to the corpora. The original used rotates over the given originals, so each template carries one.
/// </summary>
public static class Republisher
{
    /// <summary>The templates: every real page with a known author (the test corpora), or only those named.</summary>
    public static IEnumerable<RealPageCase> Templates(IReadOnlyCollection<string>? only = null) =>
        RealPageCase.Load().Where(c => c.Credited && (only is null || only.Count == 0 || only.Contains(c.Name)));

    /// <summary>Where each template's slots are, one line each, for a person to check after adding a real page.</summary>
    public static IEnumerable<string> DescribeSlots(IEnumerable<RealPageCase> templates)
    {
        foreach (var template in templates)
        {
            var document = Parse(template.Bytes());
            var slots = TemplateSlots.Find(document, template.Reporters, BylineOverride(template.Name), out var problem);
            yield return slots is null ? $"{template.Name}: skipped, {problem}" : $"{template.Name}: {slots.Describe(document)}";
        }
    }

    /// <summary>The text of the template's own story paragraphs, which no republication built on it may keep (none when it cannot serve).</summary>
    public static IReadOnlySet<string> TemplateStory(RealPageCase template)
    {
        var document = Parse(template.Bytes());
        var slots = TemplateSlots.Find(document, template.Reporters, BylineOverride(template.Name), out _);
        return slots is null ? new HashSet<string>() : slots.StoryTexts(document).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The paragraphs of a page whose text is one of <paramref name="texts"/>.</summary>
    public static IEnumerable<string> ParagraphsAmong(IDocument page, IReadOnlySet<string> texts) =>
        page.QuerySelectorAll("p").Select(p => TemplateSlots.Collapse(p.TextContent)).Where(texts.Contains);

    public static IEnumerable<RepublishedPage> Generate(IEnumerable<RealPageCase> templates, IReadOnlyList<Original> originals, Action<string>? skipped = null) =>
        templates.SelectMany((template, number) => Generate(template, OriginalFor(number, originals), skipped));

    /// <summary>The original the template at this place in the list carries: they take turns.</summary>
    public static Original OriginalFor(int number, IReadOnlyList<Original> originals) => originals[number % originals.Count];

    /// <summary>
    /// The variants of one template (none when its parts cannot be found; <paramref name="skipped"/> hears why): all of
    /// them, or those <paramref name="only"/> keeps.
    /// </summary>
    public static IEnumerable<RepublishedPage> Generate(RealPageCase template, Original original, Action<string>? skipped = null, Func<Variant, bool>? only = null)
    {
        var document = Parse(template.Bytes());
        var slots = TemplateSlots.Find(document, template.Reporters, BylineOverride(template.Name), out var problem);
        if (slots is null)
        {
            skipped?.Invoke($"{template.Name}: {problem}");
            return [];
        }

        return Generate(template.Name, document, slots, template.Reporters, original, only ?? (_ => true));
    }

    /// <summary>
    /// A third of the variants for the template at this place in the list, in turn: two compliant forms and four
    /// mistakes, so that every variant is met on a third of the templates at a third of the cost.
    /// </summary>
    public static Func<Variant, bool> InTurn(int number)
    {
        var compliant = Variants.All.Where(v => v.Label.Verdict == Label.Compliant).ToList();
        var mistakes = Variants.All.Where(v => v.Label.Verdict != Label.Compliant).ToList();
        var chosen = new HashSet<Variant>();
        for (var k = 0; k < 2; k++)
        {
            chosen.Add(compliant[((number * 2) + k) % compliant.Count]);
        }

        for (var k = 0; k < 4; k++)
        {
            chosen.Add(mistakes[((number * 4) + k) % mistakes.Count]);
        }

        return chosen.Contains;
    }

    /// <summary>Decoded as the engine decodes a page, parsed as it parses one (scripting off).</summary>
    private static AngleSharp.Dom.IDocument Parse(byte[] bytes) =>
        new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsScripting = false }).ParseDocument(Parsing.CharsetDecoder.Decode(bytes, null).Text);

    private static readonly Lazy<Dictionary<string, string>> Overrides = new(() =>
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "Syndication.Republish", "slot-overrides.json")));
        return json.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.Object && p.Value.TryGetProperty("byline", out _))
            .ToDictionary(p => p.Name, p => p.Value.GetProperty("byline").GetString()!);
    });

    private static string? BylineOverride(string template) => Overrides.Value.GetValueOrDefault(template);

    private static IEnumerable<RepublishedPage> Generate(string name, IDocument document, TemplateSlots slots, IReadOnlyList<string> authors, Original original, Func<Variant, bool> only)
    {
        foreach (var variant in Variants.All.Where(only))
        {
            var republication = new Republication(document, slots, authors, original);
            if (variant.NeedsFooter && !republication.HasFooter)
            {
                continue;
            }

            variant.Apply(republication);
            yield return new RepublishedPage(name, variant.Id, original.Title, republication.Document, variant.Label);
        }
    }
}
