namespace Syndication.Catalogue;

/// <summary>What adding a batch of originals to the catalogue did: new ones, edited ones (with what changed), and those already known.</summary>
public sealed class UpsertResult
{
    public int Added { get; internal set; }

    public int Updated { get; internal set; }

    public int Unchanged { get; internal set; }

    /// <summary>The edits seen: the original's title and what changed ("title", "reporters", "text", "url").</summary>
    public List<(string Title, string Changes)> Edits { get; } = [];

    /// <summary>The URLs (or titles) added or updated.</summary>
    public List<string> Changed { get; } = [];

    public void Add(UpsertResult other)
    {
        Added += other.Added;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        Edits.AddRange(other.Edits);
        Changed.AddRange(other.Changed);
    }

    public override string ToString() => $"{Added} new, {Updated} edited, {Unchanged} unchanged";
}
