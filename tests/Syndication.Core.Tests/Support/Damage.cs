using System.Text;

namespace Syndication.Core.Tests.Support;

/// <summary>
/// Seeded random damage for the fuzz tests: characters deleted, a piece of hostile text inserted, a character
/// replaced, a line joined to the next, the text cut off, or a run of it doubled.
/// </summary>
public static class Damage
{
    public static string Apply(string text, Random random, int edits, IReadOnlyList<string> pieces, int longestRun)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(longestRun)));
                    break;
                case 1:
                    builder.Insert(at, pieces[random.Next(pieces.Count)]);
                    break;
                case 2:
                    builder[at] = pieces[random.Next(pieces.Count)][0];
                    break;
                case 3:
                    var lineEnd = builder.ToString().IndexOf('\n', at);
                    if (lineEnd >= 0)
                    {
                        builder.Remove(lineEnd, 1);
                    }

                    break;
                case 4:
                    if (random.Next(4) == 0)
                    {
                        builder.Length = at;
                    }

                    break;
                default:
                    var length = Math.Min(builder.Length - at, 1 + random.Next(longestRun * 2));
                    builder.Insert(at, builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
