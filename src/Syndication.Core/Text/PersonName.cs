namespace Syndication.Text;

/// <summary>A reporter's name as given, and its folded words.</summary>
public sealed class PersonName
{
    public PersonName(string display)
    {
        Display = TextFolding.CollapseWhiteSpace(display);
        Words = Tokenizer.Words(Display);
    }

    public string Display { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>A name needs at least two words to be told apart from a first name alone (except one-word CJK names).</summary>
    public bool IsUsable => Words.Count >= 1;

    public override string ToString() => Display;
}
