using System.Runtime.InteropServices;

namespace Syndication.Files;

/// <summary>
/// Flushes a folder's entries to the disk (fsync on the folder), so a file renamed into it survives a power cut
/// under its new name. POSIX only; elsewhere, and where the file system refuses, nothing is done.
/// </summary>
internal static partial class FolderSync
{
    private const int ReadOnly = 0;

    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            var descriptor = open(folder, ReadOnly);
            if (descriptor < 0)
            {
                return;
            }

            _ = fsync(descriptor);
            _ = close(descriptor);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: the rename is still atomic, only not yet known to be on the disk.
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int fsync(int descriptor);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int close(int descriptor);
}
