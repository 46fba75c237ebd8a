using System.Globalization;

namespace Syndication.Testing;

/// <summary>
/// Articles of invented words from a seed: distinct enough that no two share a five-word run by chance, so a test or
/// a bench can make thousands of originals, decoys and republications without borrowing anyone's text.
/// </summary>
public sealed class InventedText(int seed)
{
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "tu", "sa", "vo", "lin", "dra", "pe", "qua", "zor", "ni", "el", "bar", "ost", "fi", "gan", "hu", "wex"];
    private readonly Random _random = new(seed);

    public string Word() => string.Concat(Enumerable.Range(0, 2 + _random.Next(3)).Select(_ => Syllables[_random.Next(Syllables.Length)]));

    public string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word())) + ".";

    /// <summary>A paragraph of three sentences (about 36 words, as a news paragraph).</summary>
    public string Paragraph() => Sentence(14) + " " + Sentence(12) + " " + Sentence(10);

    public List<string> Paragraphs(int count) => Enumerable.Range(0, count).Select(_ => Paragraph()).ToList();

    public string Title(int words = 6) => string.Join(' ', Enumerable.Range(0, words).Select(_ => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Word())));

    public int Next(int max) => _random.Next(max);
}
