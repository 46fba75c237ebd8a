using System.Text;
using NUnit.Framework.Constraints;

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

    /// <summary>
    /// Damages <paramref name="original"/> 300 times and reads each result: it must read, or be refused with
    /// <typeparamref name="TRefusal"/> and a one-line message the constraint accepts; any other exception fails. Both
    /// outcomes must occur, so the damage is neither all harmless nor all fatal.
    /// </summary>
    public static void ReadsOrRefuses<TRefusal>(string original, int seed, IReadOnlyList<string> pieces, int longestRun, Action<string> read, IResolveConstraint refusalMessage, string whatStillReads)
        where TRefusal : Exception
    {
        var random = new Random(seed);
        var (readCount, refused) = (0, 0);
        for (var round = 0; round < 300; round++)
        {
            var text = Apply(original, random, 1 + random.Next(4), pieces, longestRun);
            try
            {
                read(text);
                readCount++;
            }
            catch (TRefusal e)
            {
                refused++;
                Assert.That(e.Message, refusalMessage, $"round {round}: {e.Message}\n--- input ---\n{text}");
                Assert.That(e.Message, Does.Not.Contain('\n'), $"round {round}: {e.Message}");
            }
            catch (Exception e) when (e is not AssertionException)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- input ---\n{text}");
            }
        }

        Assert.That(refused, Is.GreaterThan(0), "some damage is refused");
        Assert.That(readCount, Is.GreaterThan(0), whatStillReads);
    }
}
