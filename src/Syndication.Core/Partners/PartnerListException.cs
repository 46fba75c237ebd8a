namespace Syndication.Partners;

/// <summary>A partner list that cannot be used; the message names the file, the line and the field.</summary>
public sealed class PartnerListException(string message, Exception? inner = null) : Exception(message, inner);
