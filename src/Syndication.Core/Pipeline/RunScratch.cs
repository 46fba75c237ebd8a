using Syndication.Files;

namespace Syndication.Pipeline;

/// <summary>
/// The folder a run keeps on disk while it lasts (the result spool, about 3 KB a page, and screenshots): beside the
/// history when there is one (the disk chosen for the job, not a small temporary folder), else in the temporary
/// folder. It goes when the run ends; a run killed with SIGKILL leaves it, so each run first removes the folders in
/// its place that no living run holds: each holds a lock file that the system releases when its process dies.
/// </summary>
public sealed class RunScratch : IDisposable
{
    private const string LockName = "lock";
    private readonly FileStream _lock;

    private RunScratch(string path, FileStream held)
    {
        Path = path;
        _lock = held;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>How many folders of killed runs this one removed when it started.</summary>
    public int Removed { get; private init; }

    /// <summary>Makes the run's folder beside <paramref name="beside"/> (a history file), or in the temporary folder when null.</summary>
    public static RunScratch Create(string? beside)
    {
        var (folder, prefix) = Place(beside);
        try
        {
            return Create(folder, prefix);
        }
        catch (Exception e) when (FileProblems.IsFileProblem(e))
        {
            throw new RunFolderException($"cannot make the run's folder in {folder}: {FileProblems.Describe(e)}", e);
        }
    }

    private static RunScratch Create(string folder, string prefix)
    {
        var removed = RemoveLeftovers(folder, prefix);

        // Made under a name no run sweeps, locked, then renamed into place: no other run ever sees it unlocked.
        var name = Guid.NewGuid().ToString("N");
        var making = System.IO.Path.Combine(folder, $".making-{name}");
        var path = System.IO.Path.Combine(folder, prefix + name);
        Directory.CreateDirectory(making);
        FileStream? held = null;
        try
        {
            held = Hold(System.IO.Path.Combine(making, LockName), FileMode.CreateNew);
            Directory.Move(making, path);
            return new RunScratch(path, held) { Removed = removed };
        }
        catch
        {
            held?.Dispose();
            Directory.Delete(Directory.Exists(making) ? making : path, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        _lock.Dispose();
        Delete(Path);
    }

    /// <summary>Where a run's folder goes: <c>HISTORY.run-ID</c> beside the history, else <c>syndication-run-ID</c> in the temporary folder.</summary>
    private static (string Folder, string Prefix) Place(string? beside)
    {
        if (beside is null)
        {
            return (System.IO.Path.GetTempPath(), "syndication-run-");
        }

        var full = System.IO.Path.GetFullPath(beside);
        return (System.IO.Path.GetDirectoryName(full) ?? ".", System.IO.Path.GetFileName(full) + ".run-");
    }

    /// <summary>Removes the folders no living run holds; a folder held, or one that cannot be removed, stays.</summary>
    private static int RemoveLeftovers(string folder, string prefix)
    {
        var removed = 0;
        foreach (var leftover in Directory.Exists(folder) ? Directory.EnumerateDirectories(folder, prefix + "*") : [])
        {
            try
            {
                using (Hold(System.IO.Path.Combine(leftover, LockName), FileMode.OpenOrCreate))
                {
                }

                removed += Delete(leftover) ? 1 : 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Held by a run still going, or not ours to remove.
            }
        }

        return removed;
    }

    // FileShare.None takes an exclusive lock (flock on Unix) that fails at once while another process holds it.
    private static FileStream Hold(string path, FileMode mode) => new(path, mode, FileAccess.ReadWrite, FileShare.None, 1);

    private static bool Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
