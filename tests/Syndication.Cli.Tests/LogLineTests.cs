using Syndication.Cli.Logging;

namespace Syndication.Cli.Tests;

/// <summary>Logs stay one line per event whatever a page contains.</summary>
public sealed class LogLineTests
{
    [Test]
    public void Page_text_with_line_breaks_and_escapes_stays_on_one_log_line()
    {
        using var stderr = new StringWriter();
        var log = LogSetup.Create(verbose: false, stderr);
        log.Information("{Page}: {Verdict}", "https://p.example/\r\n[12:00:00 ERR] forged\u001B[2J\u202E", "non-compliant");
        var lines = stderr.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.Contain("\\r\\n[12:00:00 ERR] forged\\u001B[2J\\u202E").And.Not.Contain('\u001B').And.Not.Contain('\r'));
    }
}
