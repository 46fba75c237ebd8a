namespace Syndication.Originals;

/// <summary>Originals that cannot be read: a missing file, a malformed feed. The run stops with exit code 3.</summary>
public sealed class OriginalsException(string message, Exception? inner = null) : Exception(message, inner);
