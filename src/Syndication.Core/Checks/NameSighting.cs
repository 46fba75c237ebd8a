using AngleSharp.Dom;
using Syndication.Locating;
using Syndication.Parsing;

namespace Syndication.Checks;

/// <summary>One place a name was seen, with the element and line that hold it and a short description of where.</summary>
public sealed record NameSighting(
    SightingKind Kind,
    IElement Element,
    string Text,
    string Where,
    RegionZone Zone,
    TextBlock? Block = null,
    int Line = -1);
