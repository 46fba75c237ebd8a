using Syndication.Fetching;

namespace Syndication.Core.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # comments are ignored
        User-agent: Googlebot
        Disallow: /

        User-agent: *
        Disallow: /private
        Allow: /private/public
        Disallow: /*.pdf$
        Disallow: /search?q=

        User-agent: syndication
        User-agent: other
        Disallow: /archive/
        Crawl-delay: 2.5
        """;

    [TestCase("/private/x", true)]
    [TestCase("/archive/2022/story", false)]
    [TestCase("/archive", true)]
    [TestCase("/", true)]
    public void Our_own_group_wins_over_the_wildcard_group(string path, bool allowed) =>
        Assert.That(RobotsRules.Parse(Robots, "syndication").Allows(path), Is.EqualTo(allowed));

    [TestCase("/private/x", false)]
    [TestCase("/private/public/page", true)]
    [TestCase("/files/report.pdf", false)]
    [TestCase("/files/report.pdf?download=1", true)]
    [TestCase("/search?q=drones", false)]
    [TestCase("/news/story", true)]
    public void The_longest_match_wins_and_patterns_follow_rfc_9309(string path, bool allowed) =>
        Assert.That(RobotsRules.Parse(Robots, "someotherbot").Allows(path), Is.EqualTo(allowed));

    [Test]
    public void Crawl_delay_of_our_group_is_read() =>
        Assert.That(RobotsRules.Parse(Robots, "syndication").CrawlDelay, Is.EqualTo(TimeSpan.FromSeconds(2.5)));

    [Test]
    public void An_empty_or_garbled_file_allows_everything()
    {
        Assert.That(RobotsRules.Parse(string.Empty, "syndication").Allows("/x"), Is.True);
        Assert.That(RobotsRules.Parse("<html>not robots</html>\n\0\0", "syndication").Allows("/x"), Is.True);
    }

    [Test]
    public void Disallow_all_and_an_empty_disallow()
    {
        Assert.That(RobotsRules.Parse("User-agent: *\nDisallow: /", "syndication").Allows("/anything"), Is.False);
        Assert.That(RobotsRules.Parse("User-agent: *\nDisallow:", "syndication").Allows("/anything"), Is.True);
    }

    // The wildcard examples of Google's robots.txt documentation (RFC 9309 section 2.2.3).
    [TestCase("/*.php", "/index.php", true)]
    [TestCase("/*.php", "/folder/filename.php?parameters", true)]
    [TestCase("/*.php", "/folder/any.php.file.html", true)]
    [TestCase("/*.php", "/filename.php/", true)]
    [TestCase("/*.php", "/", false)]
    [TestCase("/*.php", "/windows.PHP", false)]
    [TestCase("/*.php$", "/filename.php", true)]
    [TestCase("/*.php$", "/folder/filename.php", true)]
    [TestCase("/*.php$", "/filename.php?parameters", false)]
    [TestCase("/*.php$", "/filename.php/", false)]
    [TestCase("/*.php$", "/filename.php5", false)]
    [TestCase("/fish*.php", "/fish.php", true)]
    [TestCase("/fish*.php", "/fishheads/catfish.php?parameters", true)]
    [TestCase("/fish*.php", "/Fish.PHP", false)]
    [TestCase("/fish*", "/fish", true)]
    [TestCase("/fish*", "/catfish", false)]
    [TestCase("/a**b$", "/a-b", true)]
    [TestCase("/a*b$", "/a-b-c", false)]
    public void Wildcards_match_as_documented(string pattern, string path, bool disallowed) =>
        Assert.That(RobotsRules.Parse($"User-agent: *\nDisallow: {pattern}", "syndication").Allows(path), Is.EqualTo(!disallowed));

    [Test]
    public void A_hostile_pattern_with_many_stars_is_answered()
    {
        // With a matcher that tries every split at every star this takes some 10^10 steps: the partner's file must
        // never be able to stall the run. The greedy matcher answers in pattern × path steps.
        var pattern = "/" + string.Concat(Enumerable.Repeat("*a", 12)) + "*b";
        var path = "/" + new string('a', 80);
        Assert.That(RobotsRules.Parse($"User-agent: *\nDisallow: {pattern}", "syndication").Allows(path), Is.True);
        Assert.That(RobotsRules.Parse($"User-agent: *\nDisallow: {pattern}", "syndication").Allows(path + "b"), Is.False);
    }

    /// <summary>
    /// The greedy matcher against a plain reference (a regular expression per pattern, RFC 9309's longest match with
    /// Allow winning a tie) on 20,000 random rule sets and paths over a small alphabet, where stars and '$' meet often.
    /// </summary>
    [TestCase(1)]
    [TestCase(2)]
    public void The_matcher_agrees_with_a_regular_expression_reference(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 10_000; round++)
        {
            var rules = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => (Pattern: RandomPattern(random), Allow: random.Next(2) == 0)).ToList();
            var path = "/" + RandomText(random, "ab/.", random.Next(8));
            var robots = "User-agent: *\n" + string.Join("\n", rules.Select(r => $"{(r.Allow ? "Allow" : "Disallow")}: {r.Pattern}"));
            var expected = ReferenceAllows(rules, path);
            Assert.That(RobotsRules.Parse(robots, "syndication").Allows(path), Is.EqualTo(expected), $"{robots}\npath {path}");
        }
    }

    private static string RandomPattern(Random random)
    {
        var pattern = "/" + RandomText(random, "ab/*.", random.Next(6));
        return random.Next(4) == 0 ? pattern + "$" : pattern;
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static bool ReferenceAllows(List<(string Pattern, bool Allow)> rules, string path)
    {
        var best = -1;
        var allow = true;
        foreach (var (pattern, isAllow) in rules)
        {
            var anchored = pattern.EndsWith('$');
            var body = anchored ? pattern[..^1] : pattern;
            var regex = "^" + string.Concat(body.Select(c => c == '*' ? ".*" : System.Text.RegularExpressions.Regex.Escape(c.ToString()))) + (anchored ? "\\z" : string.Empty);
            if (System.Text.RegularExpressions.Regex.IsMatch(path, regex, System.Text.RegularExpressions.RegexOptions.Singleline)
                && (pattern.Length > best || (pattern.Length == best && isAllow)))
            {
                best = pattern.Length;
                allow = isAllow;
            }
        }

        return allow;
    }
}
