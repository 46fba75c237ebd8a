using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndication.Pipeline;
using Syndication.Verdicts;

namespace Syndication.History;

/// <summary>
/// How one page stands in a stretch of consecutive runs (an entry): its judged result (kept once, in <c>results</c>)
/// and what the runs said about it (change, since, streak, each requirement's). A page that is the same night after
/// night keeps one entry whose last run moves on: an unchanged night costs no new row. Streaks are stored as they were
/// on the entry's first run; a violation's streak grows by one a run, so the entry says it for every run it spans.
/// </summary>
/// <remarks>
/// <see cref="ContentHash"/> and <see cref="Bytes"/> are the fetched bytes' as the entry's runs saw them: they are not part
/// of the judged result's digest, so bytes that change with the same judgement make a new entry, not a new result.
/// <see cref="Position"/> is where the page stood on the entry's first run; where it stands in each run is the run's
/// order (<see cref="RunOrder"/>), so a page that only moved in the list keeps its entry.
/// </remarks>
internal sealed record PageEntry(string Verdict, string? ErrorKind, string? Change, string? Since, int Streak, bool? Confirmed, int Position, string Requirements, string? Failing, string? ContentHash = null, long? Bytes = null)
{
    private const char Field = '|';
    private const char Item = ';';

    /// <summary>The entry of a result recorded in a run that is <paramref name="shift"/> runs after the entry's first.</summary>
    public static PageEntry Of(PageResult result, int position, long shift) => new(
        VerdictNames.Of(result.Verdict),
        result.Error?.Kind,
        result.Change,
        result.Since is { } since ? HistoryStore.Time(since) : null,
        Back(result.Streak ?? 0, shift),
        result.Confirmed,
        position,
        string.Join(Item, result.Requirements.Select(r => string.Join(Field,
            r.Id, VerdictNames.Of(r.Status), r.Change ?? string.Empty, r.Since is { } s ? HistoryStore.Time(s) : string.Empty,
            Back(r.Streak ?? 0, shift).ToString(CultureInfo.InvariantCulture), r.IsWaived ? "1" : "0"))),
        result.Requirements.Any(r => r.Status == Outcome.Fail) ? string.Join(',', result.Requirements.Where(r => r.Status == Outcome.Fail).Select(r => r.Id)) : null,
        result.Fetch?.ContentHash,
        result.Fetch?.Bytes);

    /// <summary>A streak as it was <paramref name="shift"/> runs earlier (a violation's grows by one a run; no streak stays none).</summary>
    private static int Back(int streak, long shift) => streak > 0 ? (int)(streak - shift) : 0;

    /// <summary>A streak <paramref name="shift"/> runs after the entry's first.</summary>
    public static int Forward(int streak, long shift) => streak > 0 ? (int)(streak + shift) : 0;

    /// <summary>Each requirement's id, status, change, since and streak (on the entry's first run).</summary>
    public IEnumerable<(string Id, string Status, string? Change, string? Since, int Streak)> EachRequirement()
    {
        foreach (var item in Requirements.Split(Item, StringSplitOptions.RemoveEmptyEntries))
        {
            var f = item.Split(Field);
            yield return (f[0], f[1], f[2].Length == 0 ? null : f[2], f[3].Length == 0 ? null : f[3], int.Parse(f[4], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The result as a run <paramref name="shift"/> runs after the entry's first saw it, at <paramref name="position"/> in its list.</summary>
    public PageResult Apply(PageResult stored, long shift, int position)
    {
        var requirements = EachRequirement().ToDictionary(r => r.Id, StringComparer.Ordinal);
        return stored with
        {
            Fetch = stored.Fetch is { } fetch && ContentHash is not null ? fetch with { ContentHash = ContentHash, Bytes = Bytes ?? fetch.Bytes } : stored.Fetch,
            Change = Change,
            Since = HistoryStore.ParseTime(Since),
            Streak = Streak > 0 ? Forward(Streak, shift) : null,
            Confirmed = Confirmed,
            Position = position,
            Requirements = [.. stored.Requirements.Select(r => requirements.TryGetValue(r.Id, out var a)
                ? r with { Change = a.Change, Since = HistoryStore.ParseTime(a.Since), Streak = a.Streak > 0 ? Forward(a.Streak, shift) : null }
                : r)],
        };
    }

    /// <summary>The result without what a run adds to it (change, since, streak, position): what is stored once.</summary>
    public static PageResult Judged(PageResult result) => result.Compact() with
    {
        Change = null,
        Since = null,
        Streak = null,
        Confirmed = null,
        Position = null,
        Requirements = [.. result.Requirements.Select(r => r with { Change = null, Since = null, Streak = null })],
    };

    /// <summary>
    /// What tells two nights' results apart: the judged result without the facts that differ every night for the same
    /// page (how long the fetch took, when, whether it came from the cache) or that the entry keeps (the bytes' hash and
    /// size: bytes that change with the same judgement are no new result). 16 bytes of its SHA-256.
    /// </summary>
    public static byte[] Digest(PageResult judged) => Digest(judged, keepBytes: false);

    /// <summary>
    /// The digest as schema 5 made it, with the bytes' hash and size: a result stored then is recognised (and its digest
    /// brought up to date) rather than stored again on the first night after the upgrade.
    /// </summary>
    public static byte[] DigestBeforeSchemaSix(PageResult judged) => Digest(judged, keepBytes: true);

    private static byte[] Digest(PageResult judged, bool keepBytes)
    {
        if (keepBytes)
        {
            var old = judged.Fetch is { } kept ? judged with { Fetch = kept with { ElapsedMs = 0, FetchedAt = null, FromCache = false, Status = null } } : judged;
            return SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(old, ResultSpool.Json))[..16];
        }

        var same = judged.Fetch is { } fetch ? judged with { Fetch = fetch with { ElapsedMs = 0, FetchedAt = null, FromCache = false, Status = null, ContentHash = null, Bytes = 0 } } : judged;
        var json = JsonSerializer.SerializeToUtf8Bytes(same, ResultSpool.Json);
        return SHA256.HashData(json)[..16];
    }

    internal static string Text(byte[] digest) => Convert.ToHexStringLower(digest);

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(this));
}
