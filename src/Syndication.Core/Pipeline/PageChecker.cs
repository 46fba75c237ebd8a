using System.Security.Cryptography;
using Serilog;
using Syndication.Fetching;
using Syndication.Parsing;
using Syndication.Verdicts;

namespace Syndication.Pipeline;

/// <summary>Checks one page end to end: fetch, sniff, decode, parse, evaluate. Every page ends with a verdict; nothing throws.</summary>
public sealed class PageChecker(IPageFetcher fetcher, PageEvaluator evaluator, ILogger log)
{
    private static readonly SemaphoreSlim Cores = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public async Task<PageResult> CheckAsync(PageTarget target, CancellationToken cancellationToken)
    {
        if (target.Address.Problem is { } problem)
        {
            return PageResult.Failed(target, ErrorKinds.Address, problem);
        }

        FetchedPage fetched;
        try
        {
            fetched = await fetcher.FetchAsync(new FetchRequest(target.Address, target.IgnoreRobots), cancellationToken);
        }
        catch (FetchException e)
        {
            log.Debug("Could not fetch {Page}: {Kind} {Message}", target.Address.Argument, e.Kind, e.Message);
            return PageResult.Failed(target, e.Kind, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A server that breaks the fetcher in a way we did not foresee fails that page, never the run.
            log.Warning(e, "Fetching {Page} failed", target.Address.Argument);
            return PageResult.Failed(target, ErrorKinds.Internal, $"the page could not be fetched: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }

        var facts = new FetchFacts
        {
            Status = fetched.StatusCode,
            FinalUrl = fetched.FinalLocation,
            Redirects = fetched.Redirects,
            ContentType = fetched.MediaType,
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(fetched.Body)),
            Bytes = fetched.Body.Length,
            ElapsedMs = Math.Round(fetched.Elapsed.TotalMilliseconds, 1),
            FetchedAt = fetched.FetchedAt,
            FromCache = fetched.FromCache,
        };

        if (Problem(fetched) is { } notHtml)
        {
            return PageResult.Failed(target, notHtml.Kind, notHtml.Message) with { Fetch = facts, Body = fetched.Body, Headers = fetched.Headers };
        }

        // Fetching waits on the network, so many pages are fetched at once; parsing and judging use a core each, so
        // only as many run at once as there are cores: fewer DOMs alive together, less garbage to collect.
        await Cores.WaitAsync(cancellationToken);
        try
        {
            var result = await Task.Run(
                () =>
                {
                    var page = PageParser.Parse(fetched.Body, fetched.Charset);
                    return evaluator.Evaluate(page, target) with { Fetch = facts with { Encoding = $"{page.EncodingName} ({page.EncodingSource})" } };
                },
                cancellationToken);
            return result with { Body = fetched.Body, Headers = fetched.Headers };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A page that breaks the parser or a check is that page's error, never the run's.
            log.Warning(e, "Checking {Page} failed", target.Address.Argument);
            return PageResult.Failed(target, ErrorKinds.Internal, $"the page could not be checked: {e.GetType().Name}: {e.Message}") with { Fetch = facts };
        }
        finally
        {
            Cores.Release();
        }
    }

    private static PageError? Problem(FetchedPage fetched)
    {
        if (fetched.Body.Length == 0 || fetched.Body.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0)
        {
            return new PageError(ErrorKinds.Empty, "the page is empty");
        }

        if (ContentSniffer.DescribeNonHtml(fetched.Body) is { } what)
        {
            return new PageError(ErrorKinds.NotHtml, $"the page is {what}, not HTML");
        }

        return null;
    }
}
