namespace Syndication.Fetching;

/// <summary>
/// A robots.txt as RFC 9309 reads it: the group for our user-agent token (else "*"), Allow and Disallow rules with
/// "*" and "$" patterns, the longest match winning and Allow winning a tie. No robots library is served here, and the
/// standard's matching fits in this file. Sitemap: lines (sitemaps.org; outside any group) are kept for discovery.
/// </summary>
public sealed class RobotsRules
{
    private readonly List<(string Pattern, bool Allow)> _rules;

    /// <summary>The most Sitemap: lines kept from one robots.txt; a site needs a handful (an index lists the rest).</summary>
    public const int MaxSitemaps = 50;

    private RobotsRules(List<(string Pattern, bool Allow)> rules, TimeSpan? crawlDelay, IReadOnlyList<string>? sitemaps = null)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
        Sitemaps = sitemaps ?? [];
    }

    public static RobotsRules AllowAll { get; } = new([], null);

    public static RobotsRules DisallowAll { get; } = new([("/", false)], null);

    /// <summary>The Sitemap: lines, as written (the protocol asks for absolute URLs), in order, duplicates left out.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>Crawl-delay for our group, if any (not in RFC 9309, but widely used; honoured up to a cap).</summary>
    public TimeSpan? CrawlDelay { get; }

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<Group>();
        var sitemaps = new List<string>();
        Group? current = null;
        var lastWasAgent = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw;
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "sitemap")
            {
                // Not part of any group: it neither opens nor closes one.
                if (value.Length is > 0 and <= 2048 && sitemaps.Count < MaxSitemaps && !sitemaps.Contains(value))
                {
                    sitemaps.Add(value);
                }

                continue;
            }

            if (key == "user-agent")
            {
                // Consecutive user-agent lines open one group.
                if (current is null || !lastWasAgent)
                {
                    current = new Group();
                    groups.Add(current);
                }

                current.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
                continue;
            }

            lastWasAgent = false;
            if (current is null)
            {
                continue;
            }

            if (key is "allow" or "disallow" && value.Length is > 0 and < 2000)
            {
                current.Rules.Add((value, key == "allow"));
            }
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 3600));
            }
        }

        var token = productToken.ToLowerInvariant();
        var ours = groups.Where(g => g.Agents.Any(a => a != "*" && a.Length > 0 && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (ours.Count == 0)
        {
            ours = groups.Where(g => g.Agents.Contains("*")).ToList();
        }

        // Several groups for the same agent are merged (RFC 9309, 2.2.1).
        return new RobotsRules([.. ours.SelectMany(g => g.Rules)], ours.Select(g => g.CrawlDelay).FirstOrDefault(d => d is not null), sitemaps);
    }

    private sealed class Group
    {
        public List<string> Agents { get; } = [];

        public List<(string Pattern, bool Allow)> Rules { get; } = [];

        public TimeSpan? CrawlDelay { get; set; }
    }

    /// <summary>Whether the path (with its query) may be fetched.</summary>
    public bool Allows(string pathAndQuery)
    {
        var path = pathAndQuery.Length == 0 ? "/" : pathAndQuery;
        var best = -1;
        var allow = true;
        foreach (var (pattern, isAllow) in _rules)
        {
            if (Matches(pattern, path) && (pattern.Length > best || (pattern.Length == best && isAllow)))
            {
                best = pattern.Length;
                allow = isAllow;
            }
        }

        return allow;
    }

    /// <summary>
    /// Matches a robots pattern: "*" any run of characters, "$" the end of the path; without "$" the pattern need only
    /// match a prefix. The partner writes the pattern, so the match is the greedy one that backtracks only to the last
    /// "*": at most pattern × path steps, never exponential in the number of stars.
    /// </summary>
    private static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var p = anchored ? pattern.AsSpan(0, pattern.Length - 1) : pattern.AsSpan();
        int pi = 0, si = 0, star = -1, resume = 0;
        while (si < path.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                resume = si;
            }
            else if (pi < p.Length && p[pi] == path[si])
            {
                pi++;
                si++;
            }
            else if (pi == p.Length && !anchored)
            {
                return true;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (pi < p.Length && p[pi] == '*')
        {
            pi++;
        }

        return pi == p.Length;
    }
}
