using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serilog;
using Syndication.Core.Tests.Support;
using Syndication.Fetching;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Core.Tests.Fetching;

/// <summary>TLS failures, and whole runs against a real server: per-host politeness, a run that finishes whatever fails, the budget.</summary>
[TestFixture]
[NonParallelizable]
public sealed class TlsAndRunTests
{
    private static readonly string Compliant = File.ReadAllText(RepoPaths.Samples("pages", "wordpress-compliant.html"));

    [Test]
    public async Task A_tls_error_is_reported_once_and_never_retried_or_downgraded()
    {
        using var certificate = SelfSigned();
        var connections = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Use(next => context =>
            {
                Interlocked.Increment(ref connections);
                return next(context);
            });
            listen.UseHttps(certificate);
        }));
        await using var app = builder.Build();
        app.Run(context => context.Response.WriteAsync("<p>never</p>"));
        await app.StartAsync();
        var url = app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/page";

        using var fetcher = new HttpFetcher(new FetchOptions { Addresses = AddressPolicy.PublicAndLoopback, RespectRobots = false, RetryBaseDelay = TimeSpan.FromMilliseconds(50) }, TimeProvider.System);
        var error = (await Assert.ThrowsAsync<FetchException>(async () => await fetcher.FetchAsync(PageAddress.Parse(url), CancellationToken.None)))!;
        Assert.That(error.Kind, Is.EqualTo(ErrorKinds.Tls));
        Assert.That(connections, Is.EqualTo(1), "a TLS failure is not retried");
        Assert.That(url, Does.StartWith("https://"));
        await app.StopAsync();
    }

    [Test]
    public async Task The_server_never_sees_more_requests_from_one_run_than_the_per_host_limit()
    {
        await using var server = await FaultServer.StartAsync();
        for (var i = 0; i < 12; i++)
        {
            server.Route($"/p{i}", async context =>
            {
                await Task.Delay(300);
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(Compliant);
            });
        }

        var targets = Enumerable.Range(0, 12).Select(i => PageTarget.Of(server.Url($"/p{i}").ToString(), "Partner")).ToList();
        var summary = await Run(targets, concurrency: 8, perHost: 2);
        Assert.That(server.MaxInFlight, Is.EqualTo(2), "two at once, never more");
        Assert.That(summary.Counts.Compliant, Is.EqualTo(12));
    }

    [Test]
    public async Task A_run_full_of_faults_still_finishes_every_page()
    {
        await using var server = await FaultServer.StartAsync();
        server.Html("/good", Compliant);
        server.Statuses("/broken", "x", 500);
        server.Statuses("/missing", "x", 404);
        server.Redirect("/evil", "http://169.254.169.254/");
        server.Route("/png", context =>
        {
            context.Response.ContentType = "image/png";
            return context.Response.Body.WriteAsync(new byte[] { 0x89, 0x50, 0x4E, 0x47 }).AsTask();
        });
        server.Route("/hang", async context => await Task.Delay(TimeSpan.FromMinutes(1), context.RequestAborted));
        var paths = new[] { "/broken", "/missing", "/evil", "/png", "/hang", "/good" };
        var targets = paths.Select(p => PageTarget.Of(server.Url(p).ToString(), "Partner")).ToList();

        var watch = Stopwatch.StartNew();
        var summary = await Run(targets, concurrency: 4, perHost: 4, timeout: TimeSpan.FromSeconds(2));
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(15));
        var kinds = summary.Pages.Select(p => p.Error?.Kind ?? VerdictNames.Of(p.Verdict)).ToList();
        Assert.That(kinds, Is.EqualTo(new[] { ErrorKinds.HttpStatus, ErrorKinds.HttpStatus, ErrorKinds.BlockedAddress, ErrorKinds.NotHtml, ErrorKinds.Timeout, "compliant" }));
        Assert.That(summary.Counts.NonCompliant, Is.Zero, "no fetch problem is ever an accusation");
        Assert.That(ExitCodes.For(summary.Counts), Is.EqualTo(ExitCodes.Errors));
    }

    [Test]
    public async Task Work_is_spread_across_hosts()
    {
        await using var slow = await FaultServer.StartAsync();
        await using var fast = await FaultServer.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            slow.Route($"/s{i}", async context =>
            {
                await Task.Delay(500);
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync(Compliant);
            });
            fast.Html($"/f{i}", Compliant);
        }

        // Both servers are 127.0.0.1; give them different host names so the per-host limit tells them apart.
        var targets = Enumerable.Range(0, 6).Select(i => PageTarget.Of(slow.Url($"/s{i}").ToString().Replace("127.0.0.1", "localhost", StringComparison.Ordinal)))
            .Concat(Enumerable.Range(0, 6).Select(i => PageTarget.Of(fast.Url($"/f{i}").ToString())))
            .ToList();
        var watch = Stopwatch.StartNew();
        var order = new List<int>();
        var summary = await Run(targets, concurrency: 4, perHost: 1, observer: new Recorder(order));
        Assert.That(summary.Counts.Compliant, Is.EqualTo(12));
        Assert.That(order.Take(6).Count(i => i >= 6), Is.GreaterThanOrEqualTo(5), "the fast host's pages did not wait behind the slow host's");
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(5));
    }

    [Test]
    public async Task When_the_budget_runs_out_the_rest_is_reported_not_checked()
    {
        await using var server = await FaultServer.StartAsync();
        for (var i = 0; i < 6; i++)
        {
            server.Route($"/slow{i}", async context =>
            {
                await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted);
            });
        }

        var targets = Enumerable.Range(0, 6).Select(i => PageTarget.Of(server.Url($"/slow{i}").ToString())).ToList();
        var watch = Stopwatch.StartNew();
        var summary = await Run(targets, concurrency: 2, perHost: 2, timeout: TimeSpan.FromSeconds(30), budget: TimeSpan.FromSeconds(1.5));
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(6));
        Assert.That(summary.Pages.Select(p => p.Error?.Kind), Is.All.EqualTo(ErrorKinds.Budget));
        Assert.That(summary.Pages.Count(p => p.Error!.Message.StartsWith("not finished", StringComparison.Ordinal)), Is.EqualTo(2));
        Assert.That(summary.Pages.Count(p => p.Error!.Message.StartsWith("not checked", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(summary.Complete, Is.False);
    }

    [Test]
    public async Task Every_result_passes_through_the_stages_once_and_is_kept()
    {
        await using var server = await FaultServer.StartAsync();
        var targets = CompliantPages(server, 40);
        var stage = new CountingStage(failAt: null);
        var summary = await Run(targets, concurrency: 8, perHost: 8, stages: [stage]);
        Assert.That(stage.Positions.Order(), Is.EqualTo(Enumerable.Range(0, 40)), "each page once, none lost between the workers and the recorder");
        Assert.That(summary.Pages.Select(p => p.Note), Is.All.EqualTo("staged"), "the reports show what the stages made of each result");
        Assert.That(summary.Counts.Compliant, Is.EqualTo(40));
    }

    [Test]
    public async Task A_stage_that_fails_ends_the_run_with_its_error_instead_of_hanging_it()
    {
        await using var server = await FaultServer.StartAsync();
        var targets = CompliantPages(server, 40);
        using var spool = new TempFolder();
        var run = Run(targets, concurrency: 8, perHost: 8, stages: [new CountingStage(failAt: 5)], spoolDirectory: spool.Path);
        var ended = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(ended, Is.SameAs(run), "the workers still waiting to hand over results were released");
        var error = await Assert.ThrowsAsync<IOException>(async () => await run);
        Assert.That(error!.Message, Is.EqualTo("disk full at result 5"));
        Assert.That(Directory.GetFiles(spool.Path), Is.Empty, "the failed run's spool file is closed and gone");
    }

    private static List<PageTarget> CompliantPages(FaultServer server, int count)
    {
        for (var i = 0; i < count; i++)
        {
            server.Html($"/p{i}", Compliant);
        }

        return Enumerable.Range(0, count).Select(i => PageTarget.Of(server.Url($"/p{i}").ToString())).ToList();
    }

    private sealed class CountingStage(int? failAt) : IResultStage
    {
        public List<int> Positions { get; } = [];

        public PageResult Process(int position, PageResult result)
        {
            Positions.Add(position);
            if (Positions.Count == failAt)
            {
                throw new IOException($"disk full at result {failAt}");
            }

            return result with { Note = "staged" };
        }
    }

    internal static async Task<RunSummary> Run(List<PageTarget> targets, int concurrency, int perHost, TimeSpan? timeout = null, TimeSpan? budget = null, IRunObserver? observer = null, IReadOnlyList<IResultStage>? stages = null, string? spoolDirectory = null)
    {
        var options = new FetchOptions
        {
            Addresses = AddressPolicy.PublicAndLoopback,
            PerHost = perHost,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            AttemptTimeout = timeout ?? TimeSpan.FromSeconds(10),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        };
        using var fetcher = Engine.CreateFetcher(options, TimeProvider.System);
        var log = new LoggerConfiguration().CreateLogger();
        var checker = new PageChecker(fetcher, Engines.Evaluator(), log);
        var summary = await new AuditRun(checker, TimeProvider.System, log).RunAsync(targets, new AuditRun.Options(concurrency, perHost, budget, spoolDirectory) { Stages = stages ?? [] }, observer, CancellationToken.None);
        var pages = summary.Pages.ToList();
        (summary.Spool as IDisposable)?.Dispose();
        return summary with { Pages = pages };
    }

    private sealed class Recorder(List<int> order) : IRunObserver
    {
        public void OnStarted(int pages)
        {
        }

        public void OnResult(int index, PageResult result, VerdictCounts soFar)
        {
            lock (order)
            {
                order.Add(index);
            }
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
