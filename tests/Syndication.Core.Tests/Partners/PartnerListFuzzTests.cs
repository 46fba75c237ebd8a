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
        using var folder = new TempFolder();
        var path = folder.File(sample);
        Damage.ReadsOrRefuses<PartnerListException>(
            File.ReadAllText(RepoPaths.Samples(sample)), seed, Pieces, 12,
            text =>
            {
                File.WriteAllText(path, text, new UTF8Encoding(false));
                PartnerListReader.Read(path);
            },
            Does.StartWith(path), "some damage (in comments, notes) still reads");
    }
}
