using System.Text;

namespace Syndication.Parsing;

/// <summary>A page's text and how its encoding was decided ("bom", "http", "meta", "default", "sniffed").</summary>
public sealed record DecodedPage(string Text, Encoding Encoding, string EncodingSource);
