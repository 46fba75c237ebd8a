namespace Syndication.History;

/// <summary>
/// A path with every symbolic link on it followed, as realpath(3) gives it: the same history reached through a
/// link is one file, so it gets one writer lock.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string path) => Resolve(Path.GetFullPath(path), 0);

    private static string Resolve(string full, int links)
    {
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (links >= MaxLinks)
                {
                    throw new HistoryException($"{full}: too many symbolic links");
                }

                next = Resolve(Path.GetFullPath(target, current), links + 1);
            }

            current = next;
        }

        return current;
    }
}
