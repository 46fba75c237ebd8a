namespace Syndication.Files;

/// <summary>
/// Writes a file all at once: to a temporary file in the same folder, then renamed over the target. A crash never
/// leaves a half-written file in place of the previous one, and a failed write leaves no temporary file behind.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The file to replace.</param>
    /// <param name="write">Writes the whole content.</param>
    /// <param name="durability">
    /// How much must survive a power cut once this returns: by default the content and the new name (reports); a
    /// cache whose entries vouch for themselves needs only its content on the disk before the rename.
    /// </param>
    public static void Write(string path, Action<Stream> write, Durability durability = Durability.ContentAndName)
    {
        var (full, temp) = Prepare(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: durability != Durability.None);
            }

            File.Move(temp, full, overwrite: true);
            if (durability == Durability.ContentAndName)
            {
                FolderSync.Flush(Path.GetDirectoryName(full)!);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Checks, before any work is done, that <see cref="Write"/> could write the file: its folder exists or can be
    /// made, a temporary file can be created in it, and the path is not a folder. Throws the I/O exception when not.
    /// </summary>
    public static void CheckWritable(string path)
    {
        var (full, temp) = Prepare(path);
        if (Directory.Exists(full))
        {
            throw new IOException("it is a folder");
        }

        using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
        {
        }
    }

    private static (string Full, string Temp) Prepare(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        return (full, Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp"));
    }
}
