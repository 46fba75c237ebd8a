namespace Syndication.Profiles;

/// <summary>A profile file that cannot be used; the message names the file and the problem.</summary>
public sealed class ProfileException(string message, Exception? inner = null) : Exception(message, inner);
