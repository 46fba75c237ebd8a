using System.Globalization;

namespace Syndication.Reporting;

/// <summary>Culture-proof formatting for every report: dates in ISO 8601 UTC, numbers with invariant digits.</summary>
public static class ReportFormatting
{
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
