using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using CsvHelper;

namespace Syndication.Reporting.Tests.Support;

/// <summary>Reads the counts back out of each format, both its totals and its pages, the way a person or a CI would.</summary>
public static partial class ReportReaders
{
    public static IEnumerable<(string What, ReadCounts Counts)> Json(string text)
    {
        using var json = JsonDocument.Parse(text);
        var s = json.RootElement.GetProperty("summary");
        yield return ("json summary", new ReadCounts(s.GetProperty("pages").GetInt32(), s.GetProperty("compliant").GetInt32(), s.GetProperty("nonCompliant").GetInt32(), s.GetProperty("needsReview").GetInt32(), s.GetProperty("notApplicable").GetInt32(), s.GetProperty("errors").GetInt32()));
        yield return ("json pages", ReadCounts.FromVerdicts(json.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetProperty("verdict").GetString()!).ToList()));
    }

    public static IEnumerable<(string What, ReadCounts Counts)> JUnit(string text)
    {
        var root = XDocument.Parse(text).Root!;
        var cases = root.Descendants("testcase").ToList();
        int Attr(XElement e, string name) => int.Parse(e.Attribute(name)?.Value ?? "0", CultureInfo.InvariantCulture);
        var suites = root.Elements("testsuite").ToList();
        var failures = cases.Count(c => c.Element("failure") is not null);
        var errors = cases.Count(c => c.Element("error") is not null);
        // A page a person must still look at is skipped, not passed: its type says it is waiting for review.
        var review = cases.Count(c => c.Element("skipped")?.Attribute("type")?.Value == "needs-review");
        var skipped = cases.Count(c => c.Element("skipped") is not null) - review;
        Assert.That(suites.Sum(s => Attr(s, "tests")), Is.EqualTo(Attr(root, "tests")), "suite tests add up");
        Assert.That(suites.Sum(s => Attr(s, "failures")), Is.EqualTo(Attr(root, "failures")), "suite failures add up");
        Assert.That(suites.Sum(s => Attr(s, "errors")), Is.EqualTo(Attr(root, "errors")), "suite errors add up");
        foreach (var suite in suites)
        {
            var mine = suite.Elements("testcase").ToList();
            Assert.That(Attr(suite, "tests"), Is.EqualTo(mine.Count), $"suite {suite.Attribute("name")?.Value} tests");
            Assert.That(Attr(suite, "failures"), Is.EqualTo(mine.Count(c => c.Element("failure") is not null)), "suite failures");
            Assert.That(Attr(suite, "errors"), Is.EqualTo(mine.Count(c => c.Element("error") is not null)), "suite errors");
            Assert.That(Attr(suite, "skipped"), Is.EqualTo(mine.Count(c => c.Element("skipped") is not null)), "suite skipped");
        }

        yield return ("junit testcases", new ReadCounts(cases.Count, cases.Count - failures - errors - skipped - review, failures, review, skipped, errors));
        Assert.That(Attr(root, "failures"), Is.EqualTo(failures));
        Assert.That(Attr(root, "errors"), Is.EqualTo(errors));
    }

    public static IEnumerable<(string What, ReadCounts Counts)> Csv(string text)
    {
        var byPage = new Dictionary<string, string>();
        using var reader = CsvReader.FromText(text);
        while (reader.Read())
        {
            var number = reader.GetString("page_number");
            var verdict = reader.GetString("verdict");
            Assert.That(byPage.GetValueOrDefault(number, verdict), Is.EqualTo(verdict), "every row of a page has its verdict");
            byPage[number] = verdict;
        }

        yield return ("csv rows", ReadCounts.FromVerdicts(byPage.Values));
    }

    public static IEnumerable<(string What, ReadCounts Counts)> Html(string text)
    {
        using var document = new HtmlParser().ParseDocument(text);
        int Box(string label) => int.Parse(document.QuerySelector($".count[data-count='{label}'] .n")!.TextContent, CultureInfo.InvariantCulture);
        var boxes = new ReadCounts(Box("pages"), Box("compliant"), Box("non-compliant"), Box("needs-review"), Box("not-applicable"), Box("error"));
        // The pages written out, then the folded ones, unpacked as the report's script unfolds them.
        var verdicts = document.QuerySelectorAll("article.page").Select(a => a.GetAttribute("data-verdict")!).ToList();
        foreach (var chunk in document.QuerySelectorAll("script.page-chunk"))
        {
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(Convert.FromBase64String(chunk.TextContent)), System.IO.Compression.CompressionMode.Decompress);
            using var trees = System.Text.Json.JsonDocument.Parse(gzip);
            verdicts.AddRange(trees.RootElement.EnumerateArray().Select(tree => tree[1].GetProperty("data-verdict").GetString()!));
        }

        using var index = System.Text.Json.JsonDocument.Parse(document.GetElementById("page-index")!.TextContent);
        var names = index.RootElement.GetProperty("verdicts").EnumerateArray().Select(v => v.GetString()!).ToList();
        var indexed = index.RootElement.GetProperty("pages").EnumerateArray().Select(p => names[p[1].GetInt32()]).ToList();
        return [("html counts", boxes), ("html pages", ReadCounts.FromVerdicts(verdicts)), ("html index", ReadCounts.FromVerdicts(indexed))];
    }

    public static IEnumerable<(string What, ReadCounts Counts)> Totals(string format, string text)
    {
        var match = TotalsLine().Match(text);
        Assert.That(match.Success, Is.True, $"{format} has a totals line");
        int Group(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        yield return ($"{format} totals", new ReadCounts(Group("pages"), Group("c"), Group("nc"), Group("r"), Group("na"), Group("e")));
    }

    public static IEnumerable<(string What, ReadCounts Counts)> Console(string text)
    {
        var verdicts = text.Split('\n').Select(l => ConsoleRow().Match(l)).Where(m => m.Success).Select(m => m.Groups["verdict"].Value).ToList();
        return Totals("console", text).Append(("console rows", ReadCounts.FromVerdicts(verdicts)));
    }

    [GeneratedRegex(@"(?<pages>\d+) page\(s\)\**: (?<c>\d+) compliant, (?<nc>\d+) non-compliant, (?<r>\d+) needs review, (?<na>\d+) not applicable, (?<e>\d+) error\(s\)")]
    private static partial Regex TotalsLine();

    [GeneratedRegex(@"^\S.*?\s{2}(?<verdict>compliant|non-compliant|needs-review|not-applicable|error)\s{2,}")]
    private static partial Regex ConsoleRow();
}
