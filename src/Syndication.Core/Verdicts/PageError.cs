namespace Syndication.Verdicts;

/// <summary>Why a page could not be checked: a kind from <see cref="ErrorKinds"/> and a one-line message.</summary>
public sealed record PageError(string Kind, string Message);
