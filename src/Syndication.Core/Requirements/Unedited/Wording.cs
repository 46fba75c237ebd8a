using System.Globalization;

namespace Syndication.Requirements.Unedited;

/// <summary>
/// What a changed run of words is, by its words alone: the same words in another house style, a time or place
/// reference made relative to the republication, a number. Words are folded (lower case, no accents, no punctuation).
/// </summary>
internal static class Wording
{
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.Ordinal)
    {
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7",
        ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["twenty"] = "20", ["thirty"] = "30",
        ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100", ["thousand"] = "1000", ["million"] = "1000000", ["billion"] = "1000000000",
        ["first"] = "1st", ["second"] = "2nd", ["third"] = "3rd", ["fourth"] = "4th", ["fifth"] = "5th", ["sixth"] = "6th", ["seventh"] = "7th",
        ["eighth"] = "8th", ["ninth"] = "9th", ["tenth"] = "10th",
    };

    /// <summary>Words one house style writes for another's ("percent" for "%", "senator" for "sen").</summary>
    private static readonly Dictionary<string, string> StyleWords = new(StringComparer.Ordinal)
    {
        ["percent"] = "%", ["pct"] = "%", ["and"] = "&", ["dollars"] = "$", ["dollar"] = "$",
        ["senator"] = "sen", ["representative"] = "rep", ["governor"] = "gov", ["president"] = "pres", ["doctor"] = "dr", ["saint"] = "st",
        ["street"] = "st", ["avenue"] = "ave", ["boulevard"] = "blvd", ["mount"] = "mt", ["fort"] = "ft", ["number"] = "no",
        ["january"] = "jan", ["february"] = "feb", ["march"] = "mar", ["april"] = "apr", ["june"] = "jun", ["july"] = "jul", ["august"] = "aug",
        ["september"] = "sep", ["sept"] = "sep", ["october"] = "oct", ["november"] = "nov", ["december"] = "dec",
        ["okay"] = "ok", ["email"] = "email", ["online"] = "online",
    };

    /// <summary>Honorifics some house styles drop ("Mr. Reyes" → "Reyes").</summary>
    private static readonly HashSet<string> Droppable = ["mr", "mrs", "ms", "miss"];

    private static readonly HashSet<string> Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
         "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

    private static readonly HashSet<string> Days =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];

    /// <summary>Words that place an event relative to the day of writing ("yesterday", "last week", "this month").</summary>
    private static readonly HashSet<string> Deictic =
        ["yesterday", "today", "tomorrow", "tonight", "now", "currently", "recently", "earlier", "later", "last", "this", "next", "ago",
         "week", "weeks", "weekend", "month", "months", "year", "years", "morning", "afternoon", "evening", "night", "day", "days", "on", "in",
         "past", "coming", "previous", "following", "ahead", "since", "until", "by", "of", "the", "th", "st", "nd", "rd"];

    /// <summary>Words that place the reader ("here", "locally") where a republication names the place, and the other way round.</summary>
    private static readonly HashSet<string> PlaceWords = ["here", "there", "local", "locally", "nearby", "area", "city", "town", "county", "state", "region", "in", "our", "this", "the", "of", "near"];

    private static readonly HashSet<string> States =
        ["alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii", "idaho",
         "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
         "mississippi", "missouri", "montana", "nebraska", "nevada", "hampshire", "jersey", "mexico", "york", "carolina", "dakota", "ohio",
         "oklahoma", "oregon", "pennsylvania", "rhode", "island", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west",
         "wisconsin", "wyoming", "new", "north", "south",
         "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn",
         "miss", "mo", "mont", "neb", "nev", "nh", "nj", "nm", "ny", "nc", "nd", "okla", "ore", "pa", "ri", "sc", "sd", "tenn", "tex", "vt",
         "va", "wash", "wva", "wis", "wyo", "ca", "tx", "or", "wa", "az", "co", "fl", "il", "mi", "mn", "nv", "oh", "ok", "tn", "ut", "wi", "wy", "dc", "d", "c"];

    public static bool IsNumber(string word) => word.Length > 0 && char.IsDigit(word[0]) || NumberWords.ContainsKey(word);

    /// <summary>The same words in another style: equal once numbers, style words and spelling variants are written one way and droppable words dropped.</summary>
    public static bool SameInAnotherStyle(IReadOnlyList<string> before, IReadOnlyList<string> after) =>
        Joined(before) == Joined(after);

    /// <summary>The canonical words run together ("per cent" and "percent" alike, "1,000" and "1000" alike).</summary>
    private static string Joined(IReadOnlyList<string> words) => string.Concat(Canonical(words)).Replace("percent", "%", StringComparison.Ordinal);

    /// <summary>A time reference made relative: both sides only time words and dates, and at least one names a day or a relative time.</summary>
    public static bool IsTimeReference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var words = before.Concat(after).ToList();
        return words.Count > 0
            && words.All(w => Days.Contains(w) || Months.Contains(w) || Deictic.Contains(w) || IsDayOrYear(w))
            && words.Any(w => Days.Contains(w) || Months.Contains(w) || w is "yesterday" or "today" or "tomorrow" or "tonight" or "ago" or "last" or "this" or "next" or "earlier" or "recently");
    }

    /// <summary>A place reference: "here" for a place's name, a state added or dropped after a city ("Visalia, Calif.").</summary>
    public static bool IsPlaceReference(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var words = before.Concat(after).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        if (words.All(w => States.Contains(w) || PlaceWords.Contains(w)))
        {
            return true;
        }

        // "here" or "locally" on one side, a place's name (no number in it) on the other.
        var (relative, named) = before.Any(w => w is "here" or "locally" or "local") ? (before, after) : (after, before);
        return relative.Any(w => w is "here" or "locally" or "local") && relative.All(PlaceWords.Contains) && named.Count is > 0 and <= 4 && !named.Any(IsNumber);
    }

    /// <summary>British and American spellings, and other spellings of one word: equal when their canonical forms are.</summary>
    public static string Spelling(string word)
    {
        var w = word;
        if (w.Length > 4 && w.EndsWith("our", StringComparison.Ordinal) && w is not ("your" or "four" or "hour" or "tour" or "pour" or "flour" or "sour" or "detour"))
        {
            w = w[..^3] + "or";
        }
        else if (w.Length > 5 && (w.EndsWith("ise", StringComparison.Ordinal) || w.EndsWith("ised", StringComparison.Ordinal) || w.EndsWith("ising", StringComparison.Ordinal) || w.EndsWith("isation", StringComparison.Ordinal)))
        {
            var at = w.LastIndexOf("is", StringComparison.Ordinal);
            w = w[..at] + "iz" + w[(at + 2)..];
        }
        else if (w.Length > 4 && w.EndsWith("tre", StringComparison.Ordinal))
        {
            w = w[..^3] + "ter";
        }
        else if (w.EndsWith("ogue", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        // "travelled" / "traveled", "modelling" / "modeling".
        return w.Replace("lled", "led", StringComparison.Ordinal).Replace("lling", "ling", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Canonical(IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (Droppable.Contains(word))
            {
                continue;
            }

            var w = NumberWords.TryGetValue(word, out var digits) ? digits : StyleWords.TryGetValue(word, out var style) ? style : Spelling(word);
            // "1,000" tokenizes as "1" "000"; "1000" as one word: compare digits run together.
            yield return w;
        }
    }

    private static bool IsDayOrYear(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && (n is >= 1 and <= 31 || n is >= 1900 and <= 2100);
}
