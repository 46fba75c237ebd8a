namespace Syndication.Files;

/// <summary>What of an <see cref="AtomicFile"/> write is on the disk when it returns.</summary>
public enum Durability
{
    /// <summary>Nothing forced: the rename is atomic, the content may still be in the page cache.</summary>
    None,

    /// <summary>The content is flushed before the rename: a file found under its name is whole.</summary>
    Content,

    /// <summary>The content, and the folder after the rename: the file is found under its name after a power cut.</summary>
    ContentAndName,
}
