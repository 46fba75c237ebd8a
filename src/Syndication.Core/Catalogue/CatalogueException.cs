namespace Syndication.Catalogue;

/// <summary>A catalogue that cannot be used (not a catalogue file, written by a newer version, empty for an audit): exit code 3.</summary>
public sealed class CatalogueException(string message, Exception? inner = null) : Exception(message, inner);
