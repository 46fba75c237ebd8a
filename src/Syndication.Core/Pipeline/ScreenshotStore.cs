using System.Collections.Concurrent;
using Syndication.Files;

namespace Syndication.Pipeline;

/// <summary>
/// The run's screenshots while it lasts: each PNG written once to a folder under its SHA-256 as its page passes, so
/// the reports can show them after the pages have left memory (the history keeps them for good). The folder goes when
/// the store is disposed.
/// </summary>
/// <param name="folder">Where they are kept: in the run's <see cref="RunScratch"/>.</param>
public sealed class ScreenshotStore(string folder) : IResultStage, IDisposable
{
    private readonly string _folder = folder;
    private readonly ConcurrentDictionary<string, string> _files = new(StringComparer.Ordinal);

    public PageResult Process(int position, PageResult result)
    {
        foreach (var shot in result.Rendered?.Screenshots ?? [])
        {
            if (shot.Png is { } png && !_files.ContainsKey(shot.Sha256))
            {
                var path = Path.Combine(_folder, shot.Sha256 + ".png");
                try
                {
                    Directory.CreateDirectory(_folder);
                    File.WriteAllBytes(path, png);
                }
                catch (Exception e) when (FileProblems.IsFileProblem(e))
                {
                    throw new RunFolderException($"cannot keep a screenshot in {_folder}: {FileProblems.Describe(e)}", e);
                }

                _files[shot.Sha256] = path;
            }
        }

        return result;
    }

    /// <summary>A screenshot's PNG by its SHA-256, or null when this run took none such.</summary>
    public byte[]? Find(string sha256) => _files.TryGetValue(sha256, out var path) && File.Exists(path) ? File.ReadAllBytes(path) : null;

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left behind: the next run in the same place removes it with the run's folder.
        }
    }
}
