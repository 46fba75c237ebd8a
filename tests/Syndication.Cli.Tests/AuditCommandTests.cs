using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Syndication.Cli.Tests.Support;
using Syndication.History;

namespace Syndication.Cli.Tests;

public sealed class AuditCommandTests
{
    [Test]
    public async Task The_sample_audit_runs_offline_and_ends_with_a_partner_table()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync("audit", RepoPaths.Samples("partners.yaml"), "--format", "json", "--history", folder.File("h.db"), "--catalogue", folder.File("c.db"), "--cache", folder.File("cache"));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var pages = json.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.That(pages, Has.Count.EqualTo(44));
        Assert.That(pages.Select(p => p.GetProperty("partner").GetString()), Has.All.Not.Null);
        Assert.That(pages.First().GetProperty("partner").GetString(), Is.EqualTo("Plains Reporter"));
        Assert.That(pages.First().GetProperty("url").GetString(), Is.EqualTo("pages/wordpress-compliant.html"), "as the list writes it");
        var summary = json.RootElement.GetProperty("summary");
        Assert.That(summary.GetProperty("nonCompliant").GetInt32(), Is.EqualTo(19));
        Assert.That(summary.GetProperty("compliant").GetInt32(), Is.EqualTo(18));
        Assert.That(result.Stderr, Does.Contain("Partners").And.Contain("Plains").And.Contain("44"));
        Assert.That(result.Stderr, Does.Contain("Auditing 44 page(s) of 13 partner(s)"));
    }

    [Test]
    public async Task An_audit_over_http_uses_the_hardened_fetcher_and_keeps_partner_order()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        var compliant = await File.ReadAllTextAsync(RepoPaths.Page("wordpress-compliant.html"));
        var noLogo = await File.ReadAllTextAsync(RepoPaths.Page("wordpress-no-logo.html"));
        app.Run(async context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/robots.txt":
                    await context.Response.WriteAsync("User-agent: *\nDisallow: /private/\n");
                    break;
                case "/a":
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync(compliant);
                    break;
                case "/b":
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync(noLogo);
                    break;
                default:
                    context.Response.StatusCode = 404;
                    break;
            }
        });
        await app.StartAsync();
        var root = app.Urls.First();
        using var folder = new TempFolder();
        var list = folder.File("partners.yaml");
        await File.WriteAllTextAsync(list, $"""
            settings:
              originals: [{RepoPaths.Feed}]
            partners:
              - name: First
                pages: ["{root}/a", "{root}/private/secret"]
              - name: Second
                pages: ["{root}/b", "{root}/gone"]
            """);
        var result = await CliRunner.RunAsync("audit", list, "--allow-private-networks", "--format", "json", "--cache", folder.File("cache"));
        Assert.That(result.ExitCode, Is.EqualTo(1), result.Stderr);
        var pages = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.That(pages.Select(p => p.GetProperty("partner").GetString()), Is.EqualTo(new[] { "First", "First", "Second", "Second" }));
        Assert.That(pages.Select(p => p.GetProperty("verdict").GetString()), Is.EqualTo(new[] { "compliant", "error", "non-compliant", "error" }));
        Assert.That(pages[1].GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("robots"));
        Assert.That(pages[3].GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("http-status"));
        Assert.That(pages[0].GetProperty("fetch").GetProperty("status").GetInt32(), Is.EqualTo(200));
        await app.StopAsync();
    }

    [Test]
    public async Task Without_allow_private_networks_a_loopback_page_is_refused()
    {
        using var folder = new TempFolder();
        var list = folder.File("partners.yaml");
        await File.WriteAllTextAsync(list, $"settings:\n  originals: [\"{RepoPaths.Feed}\"]\npartners:\n  - name: Local\n    pages: [\"http://127.0.0.1:9/page\"]\n");
        var result = await CliRunner.RunAsync("audit", list, "--format", "json");
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Stderr);
        var page = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("pages")[0];
        Assert.That(page.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("blocked-address"));
    }

    [TestCase("/no/such/partners.yaml", "partner list not found: /no/such/partners.yaml")]
    public async Task A_missing_partner_list_exits_3(string path, string expected)
    {
        var result = await CliRunner.RunAsync("audit", path);
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr.Trim(), Is.EqualTo("syndication: " + expected));
    }

    [Test]
    public async Task A_bad_partner_list_exits_3_naming_the_line()
    {
        using var folder = new TempFolder();
        var list = folder.File("partners.yaml");
        await File.WriteAllTextAsync(list, "partners:\n  - name: A\n    pages: [a.html]\n    colour: red\n");
        var result = await CliRunner.RunAsync("audit", list);
        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("partners.yaml:4: partners[0]: unknown key 'colour'"));
    }

    [TestCase("--budget", "0", "--budget must be greater than 0")]
    [TestCase("--per-host", "0", "--per-host must be greater than 0")]
    [TestCase("--concurrency", "-1", "--concurrency must be greater than 0")]
    [TestCase("--timeout", "abc", "syndication: --timeout expects a number, not 'abc' (see 'syndication audit --help')")]
    [TestCase("--concurrency", "1.5", "syndication: --concurrency expects a whole number, not '1.5' (see 'syndication audit --help')")]
    [TestCase("--max-bytes", "lots", "syndication: --max-bytes expects a whole number, not 'lots' (see 'syndication audit --help')")]
    [TestCase("--user-agent", " ", "--user-agent must not be empty")]
    [TestCase("--user-agent", "ops@example.com", "--user-agent \"ops@example.com\" is not a valid User-Agent")]
    public async Task Bad_fetch_options_exit_3(string option, string value, string expected)
    {
        var result = await CliRunner.RunAsync("audit", RepoPaths.Samples("partners.yaml"), option, value, "--no-history");
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        Assert.That(result.Stderr, Does.Contain(expected).And.Not.Contain("System."));
        Assert.That(result.Stderr.TrimEnd('\n'), Does.Not.Contain('\n'), "one line");
    }

    [Test]
    public async Task A_bad_option_stops_the_audit_before_the_history_is_touched()
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.WriteList([("Plains Reporter", ["a.html"])]);
        var result = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--timeout", "0");
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        Assert.That(File.Exists(folder.History), Is.False, "no run was begun, so none is left 'running'");
    }

    [Test]
    public async Task Originals_that_cannot_load_end_the_run_incomplete_not_running()
    {
        using var folder = new AuditFolder();
        folder.Page("a.html", "wordpress-compliant.html");
        folder.WriteList([("Plains Reporter", ["a.html"])]);
        var result = await CliRunner.RunAsync("audit", folder.List, "--history", folder.History, "--originals", folder.File("no-such-feed.xml"));
        Assert.That(result.ExitCode, Is.EqualTo(3), result.Stderr);
        using var store = HistoryStore.Open(folder.History, createIfMissing: false);
        Assert.That(store.Runs().Select(r => r.Status), Is.EqualTo(new[] { HistoryStore.Incomplete }));
    }
}
