namespace Syndication.Pipeline;

/// <summary>
/// The run's own folder (<see cref="RunScratch"/>: the result spool, screenshots, documents being read) cannot be
/// made, written or read back: a full disk, a read-only folder. One line naming the folder and the cause; exit code 3.
/// </summary>
public sealed class RunFolderException(string message, Exception? inner = null) : Exception(message, inner);
