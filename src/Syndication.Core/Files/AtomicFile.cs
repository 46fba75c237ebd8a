namespace Syndication.Files;

/// <summary>
/// Writes a file all at once: to a temporary file in the same folder, then renamed over the target. A crash never
/// leaves a half-written file in place of the previous one, and a failed write leaves no temporary file behind.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The file to replace.</param>
    /// <param name="write">Writes the whole content.</param>
    /// <param name="flushToDisk">
    /// Flush to the disk before the rename (reports, which must survive a power cut); a cache, which only costs a
    /// refetch when lost, skips the flush.
    /// </param>
    public static void Write(string path, Action<Stream> write, bool flushToDisk = true)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
