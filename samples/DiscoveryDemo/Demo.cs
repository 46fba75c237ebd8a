using Syndication.Cli;

namespace Syndication.DiscoveryDemo;

/// <summary>
/// The discovery demo: serves the bundled partner site and watched site on loopback, then runs two nights of
/// <c>syndication audit samples/discovery/partners.yaml</c> (with a fresh history, cache and catalogue) and shows, after each
/// night, every request the two sites saw. Between the nights the partner publishes one more republication.
/// </summary>
public static class Demo
{
    /// <summary>The ports the bundled partner list names; 0 serves on any free ports (and audits a rewritten copy of the list).</summary>
    public const int PartnerPort = 8642;

    public static async Task<IReadOnlyList<int>> RunAsync(TextWriter output, TextWriter log, int port = PartnerPort)
    {
        var samples = Samples();
        var folder = Path.Combine(samples, "discovery");
        await using var partner = await DemoSite.StartAsync(Path.Combine(folder, "sites", "plains-reporter"), port);
        await using var copycat = await DemoSite.StartAsync(Path.Combine(folder, "sites", "copycat-daily"), port == 0 ? 0 : port + 1);
        var origins = new Dictionary<string, string>
        {
            [$"http://127.0.0.1:{PartnerPort}"] = partner.Origin,
            [$"http://127.0.0.1:{PartnerPort + 1}"] = copycat.Origin,
        };
        partner.Rewrite(origins);
        copycat.Rewrite(origins);

        var work = Directory.CreateTempSubdirectory("syndication-discovery-demo-");
        try
        {
            var list = Path.Combine(folder, "partners.yaml");
            if (port != PartnerPort)
            {
                // Other ports: the list's site addresses and relative paths are rewritten into a copy.
                var text = origins.Aggregate(File.ReadAllText(list), (yaml, o) => yaml.Replace(o.Key, o.Value, StringComparison.Ordinal));
                list = Path.Combine(work.FullName, "partners.yaml");
                File.WriteAllText(list, text.Replace("../", samples + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            }

            output.WriteLine($"Serving Plains Reporter's site on {partner.Origin}/ and Copycat Daily's on {copycat.Origin}/ (samples/discovery/sites/).");
            string[] audit =
            [
                "audit", list, "--allow-private-networks", "--history", Path.Combine(work.FullName, "history.db"), "--cache", Path.Combine(work.FullName, "cache"),
                "--catalogue", Path.Combine(work.FullName, "catalogue.db"),
            ];
            var codes = new List<int>();
            for (var night = 1; night <= 2; night++)
            {
                partner.SecondNight = night == 2;
                copycat.SecondNight = night == 2;
                output.WriteLine();
                output.WriteLine(night == 1
                    ? "Night 1: syndication audit samples/discovery/partners.yaml --allow-private-networks"
                    : "Night 2: the partner has published one more republication (its news sitemap changed); the same audit again");
                output.Flush();
                var code = await CliApp.RunAsync(audit, output, log);
                codes.Add(code);
                var requests = partner.TakeLog().Select(r => "Plains Reporter " + r).Concat(copycat.TakeLog().Select(r => "Copycat Daily   " + r)).ToList();
                output.WriteLine($"Exit code {code}. The two sites saw {requests.Count} request(s):");
                foreach (var request in requests)
                {
                    output.WriteLine("  " + request);
                }
            }

            return codes;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The repository's samples folder: above the program's own folder, else under the current one.</summary>
    private static string Samples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Syndication.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        return Path.GetFullPath("samples");
    }
}
