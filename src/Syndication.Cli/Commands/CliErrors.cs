namespace Syndication.Cli.Commands;

/// <summary>A usage or configuration problem: printed as one line, exit code 3.</summary>
public sealed class UsageException(string message) : Exception(message);
