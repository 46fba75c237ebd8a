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

        // The characters an earlier (longer, licensor-first) name already took: looked up per match, not per mention,
        // so a text naming the licensor 200,000 times costs its length, not its mentions squared.
        var taken = new System.Collections.BitArray(text.Length);
        Add(profile.Names, licensor: true);
        Add(profile.NotNames, licensor: false);
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;

        void Add(IEnumerable<PersonName> names, bool licensor)
        {
            foreach (var name in names)
            {
                foreach (var match in NameFinder.Find(text, tokens, name))
                {
                    if (match.Kind == NameMatchKind.Full && !Taken(taken, match.Start, match.End))
                    {
                        mentions.Add(new OrganisationMention(match.Start, match.End, licensor, name.Display));
                        for (var i = match.Start; i < match.End; i++)
                        {
                            taken[i] = true;
                        }
                    }
                }
            }
        }
    }

    private static bool Taken(System.Collections.BitArray taken, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }

        return false;
    }
}
