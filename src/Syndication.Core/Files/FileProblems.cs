namespace Syndication.Files;

/// <summary>
/// What went wrong with a file, in a person's words: "the disk is full", "permission denied", not an exception's
/// type. On Unix .NET carries the system's errno in <see cref="Exception.HResult"/> for a plain I/O error.
/// </summary>
public static class FileProblems
{
    private const int NoSpace = 28;
    private const int ReadOnlyFileSystem = 30;
    private const int QuotaExceeded = 122;
    private const int FileTooLarge = 27;

    public static bool IsFileProblem(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>The cause, short enough to follow a file name on one line.</summary>
    public static string Describe(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "its folder does not exist",
        PathTooLongException => "the path is too long",
        IOException { HResult: NoSpace } => "the disk is full",
        IOException { HResult: QuotaExceeded } => "the disk quota is exceeded",
        IOException { HResult: FileTooLarge } => "the file reached the size limit",
        IOException { HResult: ReadOnlyFileSystem } => "the file system is read-only",
        _ => e.Message.ReplaceLineEndings(" "),
    };
}
