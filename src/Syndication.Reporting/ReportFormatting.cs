using System.Globalization;
using Syndication.Pipeline;
using Syndication.Text;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>Culture-proof formatting for every report: dates in ISO 8601 UTC, numbers with invariant digits.</summary>
public static class ReportFormatting
{
    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The day alone, as "2026-11-21" (in UTC): since when a finding persists.</summary>
    public static string Day(DateTimeOffset value) => Day(DateOnly.FromDateTime(value.UtcDateTime));

    /// <summary>A day, as "2027-01-31": a waiver's expiry.</summary>
    public static string Day(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The share of the original found on the page, as "97%".</summary>
    public static string Percent(double share) => Number(share * 100, "0") + "%";

    /// <summary>Seconds from milliseconds, as "1.25".</summary>
    public static string Seconds(double milliseconds) => Number(milliseconds / 1000, "0.###");

    /// <summary>
    /// The totals after "N page(s): ", in the words every summary uses: "16 compliant, 19 non-compliant, 3 needs review,
    /// 3 not applicable, 0 error(s)"; each number goes through <paramref name="number"/> when given (the console colours them).
    /// </summary>
    public static string Totals(VerdictCounts counts, Func<PageVerdict, int, string>? number = null)
    {
        string N(PageVerdict verdict) => number is null ? Number(counts.Count(verdict)) : number(verdict, counts.Count(verdict));
        return $"{N(PageVerdict.Compliant)} compliant, {N(PageVerdict.NonCompliant)} non-compliant, {N(PageVerdict.NeedsReview)} needs review, "
            + $"{N(PageVerdict.NotApplicable)} not applicable, {N(PageVerdict.Error)} error(s)";
    }

    /// <summary>The text in at most <paramref name="max"/> characters, its end giving way to "…" (<see cref="TextShortening.End"/>).</summary>
    public static string Truncate(string text, int max) => TextShortening.End(text, max);

    /// <summary>The text in at most <paramref name="max"/> characters, its start giving way to "…" (<see cref="TextShortening.Start"/>).</summary>
    public static string TruncateStart(string text, int max) => TextShortening.Start(text, max);

    /// <summary>The partner a page's rows are grouped under: its partner, or "pages" for a check run.</summary>
    public static string GroupOf(string? partner) => partner ?? UngroupedName;

    public const string UngroupedName = "pages";
}
