using System.Text;
using Syndication.Partners;

namespace Syndication.Core.Tests.Partners;

/// <summary>
/// Partner lists are written by people: whatever damage a list has, reading it either gives a list or fails with one
/// line naming the file, never another exception. Seeded random edits of the sample lists (characters deleted,
/// doubled, swapped for YAML and CSV punctuation, lines cut or joined) check it.
/// </summary>
public sealed class PartnerListFuzzTests
{
    private static readonly string[] Pieces = [":", "-", " ", "\t", "\n", "[", "]", "{", "}", ",", "\"", "'", "#", "&a", "*a", "!!int", "|", ">", "?", "%", "é", "\u0000", "\uFEFF", "2027-13-45", "https://", "../", "~"];

    [TestCase("partners.yaml", 1)]
    [TestCase("partners.yaml", 2)]
    [TestCase("partners.yaml", 3)]
    [TestCase("partners.csv", 1)]
    [TestCase("partners.csv", 2)]
    public void A_damaged_list_reads_or_fails_with_one_line_naming_the_file(string sample, int seed)
    {
        var original = File.ReadAllText(RepoPaths.Samples(sample));
        var random = new Random(seed);
        using var folder = new TempFolder();
        var path = folder.File(sample);
        var (read, refused) = (0, 0);
        for (var round = 0; round < 300; round++)
        {
            var text = Damage(original, random, edits: 1 + random.Next(4));
            File.WriteAllText(path, text, new UTF8Encoding(false));
            try
            {
                PartnerListReader.Read(path);
                read++;
            }
            catch (PartnerListException e)
            {
                refused++;
                Assert.That(e.Message, Does.StartWith(path).And.Not.Contain('\n'), $"round {round}: {e.Message}\n--- list ---\n{text}");
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- list ---\n{text}");
            }
        }

        Assert.That(refused, Is.GreaterThan(0), "some damage is refused");
        Assert.That(read, Is.GreaterThan(0), "some damage (in comments, notes) still reads");
    }

    private static string Damage(string text, Random random, int edits)
    {
        var builder = new StringBuilder(text);
        for (var i = 0; i < edits && builder.Length > 0; i++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, Math.Min(builder.Length - at, 1 + random.Next(12)));
                    break;
                case 1:
                    builder.Insert(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                case 2:
                    builder[at] = Pieces[random.Next(Pieces.Length)][0];
                    break;
                case 3:
                    var lineEnd = builder.ToString().IndexOf('\n', at);
                    if (lineEnd >= 0)
                    {
                        builder.Remove(lineEnd, 1);
                    }

                    break;
                default:
                    var length = Math.Min(builder.Length - at, 1 + random.Next(40));
                    builder.Insert(at, builder.ToString(at, length));
                    break;
            }
        }

        return builder.ToString();
    }
}
