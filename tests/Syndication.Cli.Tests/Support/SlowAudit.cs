using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Syndication.Cli.Tests.Support;

/// <summary>
/// A nightly audit of many pages on a local server that can answer slowly, run as the real executable, with what a
/// test needs to stop it half-way: how many pages the history has recorded for a run, read without disturbing it.
/// </summary>
public sealed class SlowAudit : IAsyncDisposable
{
    public const int PageCount = 120;

    /// <summary>Samples served in turn: every fourth page fails its logo, every fourth its byline, the rest comply.</summary>
    private static readonly string[] Samples = ["wordpress-no-logo.html", "wordpress-compliant.html", "blox-first-name-only.html", "amp-compliant.html"];

    private readonly TempFolder _folder = new();

    private SlowAudit(SamplePageServer server) => Server = server;

    public SamplePageServer Server { get; }

    public string List => _folder.File("partners.yaml");

    public string History => _folder.File("history.db");

    public string Report => _folder.File("report.json");

    /// <param name="feedOverHttp">Read the originals from the server too (so loading them can be made slow), not from the file.</param>
    public static async Task<SlowAudit> StartAsync(bool feedOverHttp = false)
    {
        var audit = new SlowAudit(await SamplePageServer.StartAsync());
        var feed = feedOverHttp ? audit.Server.Url(1, "feed.xml") : RepoPaths.Feed;
        var yaml = new StringBuilder($"settings:\n  originals: [\"{feed}\"]\npartners:\n");
        for (var i = 0; i < PageCount; i++)
        {
            if (i % 30 == 0)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"  - name: Partner {i / 30 + 1}\n    pages:\n");
            }

            yaml.Append(CultureInfo.InvariantCulture, $"      - {audit.Server.Url(1, $"story/{i}/{Samples[i % Samples.Length]}")}\n");
        }

        await File.WriteAllTextAsync(audit.List, yaml.ToString());
        return audit;
    }

    /// <summary>The page URL of the list's i-th page (0-based).</summary>
    public string PageUrl(int i) => Server.Url(1, $"story/{i}/{Samples[i % Samples.Length]}");

    public static bool IsViolation(int i) => Samples[i % Samples.Length] is "wordpress-no-logo.html" or "blox-first-name-only.html";

    /// <summary>The audit's arguments: two pages at a time, the history and a JSON report beside the list.</summary>
    public string[] Arguments(params string[] more) =>
    [
        "audit", List, "--history", History, "--format", "json", "--output", Report,
        "--concurrency", "2", "--allow-private-networks", "--ignore-robots", .. more,
    ];

    public RunningCli Start() => RunningCli.Start(Arguments());

    public async Task<CliRunner.Result> RunToEndAsync()
    {
        using var process = Start();
        return await process.WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>How many pages run <paramref name="runId"/> has committed to the history, read from a read-only connection.</summary>
    public int RecordedPages(long runId)
    {
        if (!File.Exists(History))
        {
            return 0;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = History, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        try
        {
            command.CommandText = "PRAGMA busy_timeout = 5000";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT COUNT(*) FROM entries WHERE last_run = $run";
            command.Parameters.AddWithValue("$run", runId);
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            // The tables are not there yet: the run has just begun.
            return 0;
        }
    }

    /// <summary>Polls until the run has committed at least <paramref name="pages"/> pages (and is still going).</summary>
    public async Task WaitForRecordedPagesAsync(RunningCli process, long runId, int pages)
    {
        var clock = Stopwatch.StartNew();
        while (RecordedPages(runId) < pages)
        {
            Assert.That(process.Process.HasExited, Is.False, $"the audit ended before recording {pages} page(s):\n{process.Stderr}");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), $"run {runId} recorded no {pages} page(s) in 60 s:\n{process.Stderr}");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _folder.Dispose();
    }
}
