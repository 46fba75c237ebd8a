using System.Text;
using Syndication.Partners;

using Syndication.Core.Tests.Support;

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
            var text = Damage.Apply(original, random, 1 + random.Next(4), Pieces, 12);
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
}
