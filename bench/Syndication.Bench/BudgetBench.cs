using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Syndication.Bench;

/// <summary>
/// bench --budget: does --budget end a run on time, measured from outside as wall time? (The tests assert what the run
/// reports, never how long it took: that is this bench's.) Two scenarios, each an `audit` child process:
///   slow: one page within every size limit that takes minutes to judge, --budget 0.05 (3 s): wall time against 3 s;
///   deep: two 100,000-deep pages among 100 normal ones, --budget 0.5 (30 s): wall time against 30 s, every normal
///         page judged; and the 100 normal pages alone beside it, for the cost of the two.
/// </summary>
internal static partial class BudgetBench
{
    public static async Task RunAsync(string root, string cli, int runs)
    {
        using var scratch = new TempDir();
        var folder = scratch.Path;
        var feed = Path.Combine(root, "samples", "originals", "feed.xml");
        var compliant = File.ReadAllText(Path.Combine(root, "samples", "pages", "wordpress-compliant.html"));

        var slow = Path.Combine(folder, "slow.html");
        File.WriteAllText(slow, SlowToJudge(compliant));
        var slowList = List(folder, "slow.yaml", feed, [("Slow", ["slow.html"])]);

        var samples = Directory.GetFiles(Path.Combine(root, "samples", "pages"), "*.html").Order(StringComparer.Ordinal).ToList();
        var normal = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            var name = $"page-{i:D3}.html";
            File.Copy(samples[i % samples.Count], Path.Combine(folder, name));
            normal.Add(name);
        }

        File.WriteAllText(Path.Combine(folder, "deep-1.html"), Wrapped(compliant, Repeat("<div>", 100_000)));
        File.WriteAllText(Path.Combine(folder, "deep-2.html"), Wrapped(compliant, Repeat("<span>", 100_000)));
        var deepList = List(folder, "deep.yaml", feed, [("Deep Partner", ["deep-1.html", .. normal.Take(50), "deep-2.html"]), ("Other Partner", [.. normal.Skip(50)])]);
        var normalList = List(folder, "normal.yaml", feed, [("Deep Partner", [.. normal.Take(50)]), ("Other Partner", [.. normal.Skip(50)])]);

        Console.WriteLine("scenario           budget   run  wall s  peak MB  exit  report");
        for (var run = 1; run <= runs; run++)
        {
            await Scenario("slow page", slowList, 0.05, run, folder, cli);
            await Scenario("2 deep + 100", deepList, 0.5, run, folder, cli);
            await Scenario("100 alone", normalList, 0.5, run, folder, cli);
        }
    }

    private static async Task Scenario(string name, string list, double budgetMinutes, int run, string folder, string cli)
    {
        var report = Path.Combine(folder, "report.json");
        var (seconds, peak, code) = await Child.RunAsync("dotnet", [cli, "audit", list, "--no-history", "--timeout", "600", "--budget", budgetMinutes.ToString(CultureInfo.InvariantCulture), "--format", "json", "--output", report]);
        var text = File.Exists(report) ? File.ReadAllText(report) : string.Empty;
        var budgetPages = Regex.Count(text, "\"kind\": \"budget\"");
        var tooComplex = Regex.Count(text, "\"kind\": \"too-complex\"");
        var held = seconds <= (budgetMinutes * 60) + 10 ? "held" : "MISSED";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-18} {budgetMinutes * 60,4:0} s  {run,4}  {seconds,6:0.0}  {peak / 1e6,7:0}  {code,4}  {budgetPages} budget, {tooComplex} too-complex; {held} (budget + 10 s for start-up and reports)"));
    }

    private static string List(string folder, string name, string feed, IEnumerable<(string Partner, string[] Pages)> partners)
    {
        var yaml = new StringBuilder($"settings:\n  originals: [\"{feed}\"]\npartners:\n");
        foreach (var (partner, pages) in partners)
        {
            yaml.Append("  - name: ").Append(partner).Append("\n    pages:\n");
            foreach (var page in pages)
            {
                yaml.Append("      - \"").Append(page).Append("\"\n");
            }
        }

        var path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml.ToString());
        return path;
    }

    /// <summary>A page within every size limit that takes minutes to judge: 20,000 hiding rules, each matched against each of 90,000 paragraphs.</summary>
    private static string SlowToJudge(string compliant)
    {
        var rules = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            rules.Append(".a").Append(i).Append(" .b > .c { display: none }\n");
        }

        return Wrapped(compliant.Replace("</head>", $"<style>{rules}</style></head>", StringComparison.Ordinal), Repeat("<p>w</p>", 90_000));
    }

    private static string Wrapped(string page, string afterBody) => BodyStart().Replace(page, m => m.Value + afterBody, 1);

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex BodyStart();
}
