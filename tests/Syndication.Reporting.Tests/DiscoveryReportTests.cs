using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsvHelper;
using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>A run with discovery in every format: the same newly found and unlicensed republications, the pages' counts unchanged, hostile text inert.</summary>
public sealed class DiscoveryReportTests
{
    private static readonly Pipeline.RunSummary Run = SampleRuns.Discovery();

    [Test]
    public void Every_format_tells_the_same_unlicensed_and_newly_found_republications()
    {
        var unlicensed = Run.Unlicensed.Select(u => u.Url).ToList();
        Assert.That(unlicensed, Has.Count.EqualTo(2));

        using var json = JsonDocument.Parse(Render.Text(new JsonReporter(), Run));
        Assert.That(json.RootElement.GetProperty("unlicensed").EnumerateArray().Select(u => u.GetProperty("url").GetString()), Is.EqualTo(unlicensed));
        Assert.That(json.RootElement.GetProperty("unlicensed")[0].GetProperty("found").GetProperty("new").GetBoolean(), Is.True);
        Assert.That(json.RootElement.GetProperty("discovery")[0].GetProperty("newlyFound")[0].GetProperty("url").GetString(), Is.EqualTo(Run.Pages[0].Url));
        Assert.That(json.RootElement.GetProperty("pages")[0].GetProperty("found").GetProperty("via").GetString(), Is.EqualTo("https://plains.example/news-sitemap.xml"));
        Assert.That(json.RootElement.GetProperty("summary").GetProperty("pages").GetInt32(), Is.EqualTo(6), "unlicensed pages are not partner pages");

        var junit = XDocument.Parse(Render.Text(new JUnitReporter(), Run)).Root!;
        var suite = junit.Elements("testsuite").Single(s => s.Attribute("name")!.Value == JUnitReporter.UnlicensedSuite);
        Assert.That(suite.Elements("testcase").Select(c => c.Attribute("name")!.Value), Is.EqualTo(unlicensed.Select(u => TerminalText.Safe(u))));
        Assert.That(suite.Elements("testcase").All(c => c.Element("failure")?.Attribute("type")?.Value == "unlicensed"), Is.True);
        Assert.That(junit.Attribute("tests")!.Value, Is.EqualTo("8"));
        Assert.That(junit.Attribute("failures")!.Value, Is.EqualTo("3"));
        Assert.That(junit.Elements("testsuite").Single(s => s.Attribute("name")!.Value == "discovery").Element("system-err")!.Value, Does.Contain("gzip bomb"));

        using var csv = CsvReader.FromText(Render.Text(new CsvReporter(), Run));
        var rows = new List<(string Verdict, string Page, string FoundVia)>();
        while (csv.Read())
        {
            rows.Add((csv.GetString("verdict"), csv.GetString("page"), csv.GetString("found_via")));
        }

        Assert.That(rows.Where(r => r.Verdict == CsvReporter.Unlicensed).Select(r => r.Page), Is.EqualTo(unlicensed));
        Assert.That(rows.Where(r => r.Page == Run.Pages[0].Url).Select(r => r.FoundVia).Distinct(), Is.EqualTo(new[] { "https://plains.example/news-sitemap.xml" }));

        using var html = new HtmlParser().ParseDocument(Render.Text(new HtmlReporter(), Run));
        Assert.That(html.QuerySelectorAll("section.unlicensed tbody tr"), Has.Length.EqualTo(2));
        Assert.That(html.QuerySelectorAll("section.unlicensed tbody tr.new"), Has.Length.EqualTo(1));
        Assert.That(html.QuerySelectorAll("section.discovery .found-list li"), Has.Length.EqualTo(1));
        Assert.That(html.QuerySelectorAll("article.page p.found"), Has.Length.EqualTo(2));
        Assert.That(html.QuerySelector("#page-1 .c-found")!.TextContent, Is.EqualTo("newly found"));

        var md = Render.Text(new MarkdownReporter(), Run);
        var section = md.Split('\n').SkipWhile(l => l != "### Unlicensed republications (watched sites)").Skip(4).TakeWhile(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.That(section, Has.Count.EqualTo(2));
        Assert.That(section[0], Does.StartWith("| **new** |"));

        var console = Render.Text(new ConsoleReporter(), Run);
        Assert.That(console, Does.Contain("UNLICENSED REPUBLICATIONS").And.Contain("  NEW  Copycat"));
        Assert.That(ReportReaders.Console(console).Select(r => r.Counts), Has.All.EqualTo(ReadCounts.Of(Run.Counts)), "the discovery lines are not read as pages");
    }

    [Test]
    public void Hostile_text_from_sites_stays_inert_in_every_format()
    {
        using var html = new HtmlParser().ParseDocument(Render.Text(new HtmlReporter(), Run));
        Assert.That(html.QuerySelectorAll("script:not([type])"), Has.Length.EqualTo(1));
        Assert.That(html.QuerySelectorAll("img, iframe, object, embed, svg"), Is.Empty);
        Assert.That(html.QuerySelectorAll("[href]").Select(a => a.GetAttribute("href")!).Where(h => !HostileHtmlTests.IsViewLink(h)), Is.All.StartsWith("https://").Or.StartsWith("http://"));
        Assert.That(html.QuerySelector("section.discovery .problems")!.TextContent, Does.Contain("\\u001B[2J").And.Not.Contain('\u001B'));

        var csv = Render.Text(new CsvReporter(), Run);
        Assert.That(csv.Replace("\r\n", string.Empty, StringComparison.Ordinal), Does.Not.Contain('\n').And.Not.Contain('\u001B'));
        using var reader = CsvReader.FromText(csv);
        while (reader.Read())
        {
            Assert.That(reader.GetString("found_via"), Does.Not.StartWith("="), "a formula in a found-via cell is neutralised");
        }

        var console = Render.Text(new ConsoleReporter(colour: true, width: 200), Run);
        Assert.That(console, Does.Not.Contain('\u0007').And.Contain(Hostile.SpectreMarkup));
        var xml = Render.Text(new JUnitReporter(), Run);
        Assert.That(xml, Does.Not.Contain('\u001B').And.Not.Contain('\u202E'));
        var md = Render.Text(new MarkdownReporter(), Run);
        Assert.That(md, Does.Not.Contain('\u001B').And.Not.Contain("<script>"));
        Assert.That(ReportFormatting.Number(Run.Discovery[0].Listed), Is.EqualTo(9_936.ToString(CultureInfo.InvariantCulture)));
    }
}
