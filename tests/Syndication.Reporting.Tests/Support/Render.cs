using System.Globalization;
using System.Text;
using Syndication.Pipeline;

namespace Syndication.Reporting.Tests.Support;

/// <summary>Runs a reporter into memory, optionally under a given culture (to prove the output does not depend on it).</summary>
public static class Render
{
    public static byte[] Bytes(IReporter reporter, RunSummary summary, CultureInfo? culture = null) =>
        Under(culture ?? CultureInfo.InvariantCulture, () =>
        {
            using var stream = new MemoryStream();
            reporter.Write(summary, stream);
            return stream.ToArray();
        });

    public static string Text(IReporter reporter, RunSummary summary, CultureInfo? culture = null)
    {
        var bytes = Bytes(reporter, summary, culture);
        var bom = Encoding.UTF8.Preamble.Length;
        return bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom) : Encoding.UTF8.GetString(bytes);
    }

    public static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
