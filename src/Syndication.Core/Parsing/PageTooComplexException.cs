namespace Syndication.Parsing;

/// <summary>A page over the limits of <see cref="PageCost"/>: it ends as an error of kind too-complex, with this message.</summary>
public sealed class PageTooComplexException(string message) : Exception(message);
