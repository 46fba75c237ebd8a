using System.Text;
using System.Text.Json;
using Syndication.Originals;
using Syndication.Republish;
using Syndication.Testing;

// Writes the republications on real templates to a folder, with their labels, for a person to open and check:
//   dotnet run --project tests/Syndication.Republish -- OUT_DIR [TEMPLATE...]
//   dotnet run --project tests/Syndication.Republish -- --slots [TEMPLATE...]   (where each template's parts were found)
//   dotnet run --project tests/Syndication.Republish -- --judge [--reporter] [TEMPLATE...]   (judge every variant on every template)
// TEMPLATE names a real page as the tests do ("aclu", "author-pages/politico"); none means every real page.
// The tests generate the same pages in memory (TemplateRepublicationTests).
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: Syndication.Republish OUT_DIR [TEMPLATE...]");
    return args.Length == 0 ? 3 : 0;
}

if (args[0] == "--judge")
{
    var reporterMode = args.Contains("--reporter");
    return Judging.Run([.. args[1..].Where(a => a != "--reporter")], reporterMode, Console.Out);
}

if (args[0] == "--slots")
{
    foreach (var line in Republisher.DescribeSlots(Republisher.Templates(args[1..])))
    {
        Console.WriteLine(line);
    }

    return 0;
}

var output = args[0];
var originals = OriginalsLoader.Read(File.ReadAllBytes(RepoPaths.Feed), null, "samples/originals/feed.xml");
var labels = new List<object>();
foreach (var page in Republisher.Generate(Republisher.Templates(args[1..]), originals, skipped => Console.Error.WriteLine("skipped " + skipped)))
{
    var file = Path.Combine(page.Template, page.Variant + ".html");
    var path = Path.Combine(output, file);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, page.Html, Encoding.UTF8);
    labels.Add(new { file, template = page.Template, variant = page.Variant, original = page.OriginalTitle, verdict = page.Label.Verdict, fails = page.Label.Fails, passes = page.Label.Passes, what = page.Label.What });
}

File.WriteAllText(Path.Combine(output, "labels.json"), JsonSerializer.Serialize(labels, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"{labels.Count} pages written to {output}, labels in labels.json");
return 0;
