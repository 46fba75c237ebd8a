using System.Security.Cryptography;
using System.Text;

namespace Syndication.Reporting;

/// <summary>
/// The HTML report's inline style and script, and the Content-Security-Policy that allows exactly these two by
/// their SHA-256 hashes and nothing else: no external load, no other inline script, no inline event handler.
/// </summary>
internal static class ReportAssets
{
    public static string Style { get; } = Load("Syndication.Reporting.Html.report.css");

    public static string Script { get; } = Load("Syndication.Reporting.Html.report.js");

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src data:; base-uri 'none'; form-action 'none'";

    public static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Load(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"missing resource {name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // A checkout with CRLF line ends must not change the hash the policy names.
        return "\n" + reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
    }
}
