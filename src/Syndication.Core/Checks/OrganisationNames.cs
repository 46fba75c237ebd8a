using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Checks;

/// <summary>
/// Finds the licensor's names in text, and the names that must not count for it. "Daily Caller" inside
/// "Daily Caller News Foundation" is the licensor; "The Daily Caller" alone is another company.
/// </summary>
public static class OrganisationNames
{
    public static List<OrganisationMention> Find(LicenceProfile profile, string text) =>
        text.Length == 0 ? [] : Find(profile, text, Tokenizer.Tokenize(text));

    /// <summary>As <see cref="Find(LicenceProfile, string)"/>, with the text's tokens already at hand.</summary>
    public static List<OrganisationMention> Find(LicenceProfile profile, string text, IReadOnlyList<Token> tokens)
    {
        var mentions = new List<OrganisationMention>();
        if (text.Length == 0)
        {
            return mentions;
        }

        foreach (var name in profile.Names)
        {
            foreach (var match in NameFinder.Find(text, tokens, name))
            {
                if (match.Kind == NameMatchKind.Full && !mentions.Any(m => Overlaps(m, match.Start, match.End)))
                {
                    mentions.Add(new OrganisationMention(match.Start, match.End, true, name.Display));
                }
            }
        }

        foreach (var name in profile.NotNames)
        {
            foreach (var match in NameFinder.Find(text, tokens, name))
            {
                if (match.Kind == NameMatchKind.Full && !mentions.Any(m => Overlaps(m, match.Start, match.End)))
                {
                    mentions.Add(new OrganisationMention(match.Start, match.End, false, name.Display));
                }
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private static bool Overlaps(OrganisationMention m, int start, int end) => start < m.End && end > m.Start;
}
