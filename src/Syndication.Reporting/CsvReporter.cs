using System.Globalization;
using CsvHelper;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.Reporting;

/// <summary>
/// CSV for spreadsheets: a row per page and requirement (one row for a page without requirements), UTF-8 with a
/// BOM so Excel reads the encoding (none on standard output), RFC 4180 quoting. Text that starts like a formula (OWASP: = + - @ tab CR) is
/// prefixed with ' by CsvHelper's injection escape; control characters are shown escaped, so a cell is one line.
/// A page discovery found has when and where (found_on, found_via); a watched site's unlicensed republication follows
/// the pages as one row with the verdict "unlicensed" (its change "new" the night it is found).
/// </summary>
public sealed class CsvReporter : IReporter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "page_number", "partner", "page", "verdict", "requirement", "status", "message", "selector", "snippet", "text",
        "evidence_note", "evidence_count", "original_title", "original_url", "match", "error_kind", "change", "since", "runs", "waiver",
        "found_on", "found_via",
    ];

    /// <summary>The verdict column of a watched site's republication.</summary>
    public const string Unlicensed = "unlicensed";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public string Format => "csv";

    public string FileName => "report.csv";


    public void Write(RunSummary summary, Stream output)
    {
        // A file gets the BOM Excel reads the encoding from; standard output, read by other programs, does not.
        using var csv = CsvWriter.Create(output, output is TextWriterStream ? Options with { WriteByteOrderMark = false } : Options, leaveOpen: true);
        csv.WriteHeader(Columns.ToArray());
        var number = 0;
        foreach (var page in summary.Pages)
        {
            number++;
            if (page.Requirements.Count == 0)
            {
                csv.WriteRecord(Row(number, page, null));
                continue;
            }

            foreach (var requirement in page.Requirements)
            {
                csv.WriteRecord(Row(number, page, requirement));
            }
        }

        foreach (var page in summary.Unlicensed)
        {
            csv.WriteRecord(
            [
                ReportFormatting.Number(++number), Cell(page.Site), Cell(page.Url), Unlicensed, string.Empty, string.Empty,
                "republishes an original with no licence (watched site)", string.Empty, string.Empty, string.Empty, string.Empty, "0",
                Cell(page.Original.Title), Cell(page.Original.Url), ReportFormatting.Number(Math.Round(page.Original.Match, 3)), string.Empty,
                page.New ? "new" : string.Empty, ReportFormatting.Date(page.Found.On), string.Empty, string.Empty,
                ReportFormatting.Date(page.Found.On), Cell(page.Found.Via),
            ]);
        }

        csv.Flush();
    }

    private static string[] Row(int number, PageResult page, RequirementOutcome? requirement)
    {
        var evidence = requirement?.Evidence.Count > 0 ? requirement.Evidence[0] : null;
        var message = requirement?.Message ?? page.Error?.Message ?? page.Note;
        return
        [
            ReportFormatting.Number(number),
            Cell(page.Partner),
            Cell(page.Url),
            VerdictNames.Of(page.Verdict),
            Cell(requirement?.Id),
            requirement is null ? string.Empty : VerdictNames.Of(requirement.Status),
            Cell(message),
            Cell(evidence?.Selector),
            Cell(evidence?.Html),
            Cell(evidence?.Text),
            Cell(evidence?.Note),
            ReportFormatting.Number(requirement?.Evidence.Count ?? 0),
            Cell(page.Original?.Title),
            Cell(page.Original?.Url),
            page.Original is null ? string.Empty : ReportFormatting.Number(Math.Round(page.Original.Match, 3)),
            Cell(page.Error?.Kind),
            Cell(requirement is null ? page.Change : requirement.Change),
            (requirement is null ? page.Since : requirement.Since) is { } since ? ReportFormatting.Date(since) : string.Empty,
            (requirement is null ? page.Streak : requirement.Streak) is { } runs ? ReportFormatting.Number(runs) : string.Empty,
            Cell(PageFindings.Waiver(requirement?.Waiver)),
            page.Found is { } found ? ReportFormatting.Date(found.On) : string.Empty,
            Cell(page.Found?.Via),
        ];
    }

    private static string Cell(string? text) => TerminalText.Safe(text);
}
