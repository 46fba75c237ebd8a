namespace Syndication.History;

/// <summary>A history file that cannot be used (not SQLite, newer schema, no such run); the CLI exits with code 3.</summary>
public sealed class HistoryException(string message, Exception? inner = null) : Exception(message, inner);
