using Syndication.Reporting.Tests.Support;

namespace Syndication.Reporting.Tests;

/// <summary>Colour only on a terminal that wants it; page text never reaches a terminal raw.</summary>
public sealed class TerminalAndColourTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Test]
    public void Colour_is_on_for_an_interactive_terminal_only()
    {
        Assert.That(ConsoleColour.Enabled(outputRedirected: false, Env()), Is.True);
        Assert.That(ConsoleColour.Enabled(outputRedirected: true, Env()), Is.False);
        Assert.That(ConsoleColour.Enabled(outputRedirected: false, Env(("NO_COLOR", "1"))), Is.False);
        Assert.That(ConsoleColour.Enabled(outputRedirected: false, Env(("NO_COLOR", "anything"))), Is.False);
        Assert.That(ConsoleColour.Enabled(outputRedirected: false, Env(("NO_COLOR", ""))), Is.True, "no-color.org: an empty NO_COLOR does not count");
        Assert.That(ConsoleColour.Enabled(outputRedirected: false, Env(("TERM", "dumb"))), Is.False);
    }

    [Test]
    public void The_console_report_has_escape_codes_only_when_colour_is_on()
    {
        Assert.That(Render.Text(new ConsoleReporter(colour: false), SampleRuns.Audit()), Does.Not.Contain('\u001B'));
        Assert.That(Render.Text(new ConsoleReporter(colour: true, width: 100), SampleRuns.Audit()), Does.Contain("\u001B[32mcompliant"));
    }

    [TestCase("a\u001B[31mb", "a\\u001B[31mb")]
    [TestCase("one\r\ntwo", "one\\r\\ntwo")]
    [TestCase("tab\there", "tab\\there")]
    [TestCase("bell\u0007", "bell\\u0007")]
    [TestCase("c1\u009Bx", "c1\\u009Bx")]
    [TestCase("rtl\u202Eoverride\u2066isolate\u200Fmark", "rtl\\u202Eoverride\\u2066isolate\\u200Fmark")]
    [TestCase("emoji 🙂 and Aleš", "emoji 🙂 and Aleš")]
    [TestCase("", "")]
    public void Terminal_text_escapes_what_could_act_on_a_terminal_or_reorder_text(string input, string expected) =>
        Assert.That(TerminalText.Safe(input), Is.EqualTo(expected));

    [Test]
    public void A_lone_surrogate_is_escaped_so_xml_and_terminals_get_valid_text()
    {
        // Built in code: a lone surrogate in an attribute argument does not survive compilation.
        Assert.That(TerminalText.Safe("lone" + '\uD800' + "x" + '\uDC00'), Is.EqualTo("lone\\uD800x\\uDC00"));
    }

    [Test]
    public void Multi_line_text_can_keep_its_line_breaks_but_nothing_else()
    {
        Assert.That(TerminalText.Safe("a\nb\tc\r\u001B", keepLineBreaks: true), Is.EqualTo("a\nb\tc\\r\\u001B"));
    }

    [TestCase("https://partner.example/a b?q=\"x\"", "https://partner.example/a%20b?q=%22x%22")]
    [TestCase("http://partner.example/", "http://partner.example/")]
    [TestCase("javascript:alert(1)", null)]
    [TestCase("JAVASCRIPT:alert(1)", null)]
    [TestCase(" https://partner.example/", null)]
    [TestCase("data:text/html,<script>alert(1)</script>", null)]
    [TestCase("file:///etc/passwd", null)]
    [TestCase("/var/pages/page.html", null)]
    [TestCase("vbscript:msgbox", null)]
    [TestCase("https:///no-host", null)]
    public void Only_http_and_https_addresses_are_links(string address, string? href) =>
        Assert.That(SafeLink.Href(address), Is.EqualTo(href));

    [Test]
    public void Annotations_are_only_written_inside_github_actions()
    {
        Assert.That(GitHubAnnotations.Active(Env(("GITHUB_ACTIONS", "true"))), Is.True);
        Assert.That(GitHubAnnotations.Active(Env(("GITHUB_ACTIONS", "false"))), Is.False);
        Assert.That(GitHubAnnotations.Active(Env()), Is.False);
    }

    [Test]
    public void Annotation_values_use_github_s_escaping()
    {
        Assert.That(GitHubAnnotations.Data("100% done\r\nnext: a,b"), Is.EqualTo("100%25 done%0D%0Anext: a,b"));
        Assert.That(GitHubAnnotations.Property("a:b,c%"), Is.EqualTo("a%3Ab%2Cc%25"));
        Assert.That(GitHubAnnotations.Property("x\ny"), Is.EqualTo("x\\ny"), "page text is made one line first");
    }

    [Test]
    public void Annotations_stop_at_github_s_limit_and_count_the_rest()
    {
        var pages = Enumerable.Range(0, 15).Select(i => SampleRuns.Pages()[1] with { Url = $"https://p.example/{i}" }).ToList();
        using var writer = new StringWriter();
        GitHubAnnotations.Write(SampleRuns.Summary(pages), writer);
        var lines = writer.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)), Is.EqualTo(GitHubAnnotations.MaxPerKind));
        Assert.That(lines[^1], Does.StartWith("::notice ").And.Contain("5 more page(s)"));
    }
}
