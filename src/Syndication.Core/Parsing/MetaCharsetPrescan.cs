using System.Text;

namespace Syndication.Parsing;

/// <summary>
/// The HTML standard's prescan for a character encoding declaration: looks at the first 1024 bytes for
/// <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv="content-type" content="...charset=..."&gt;</c>, skipping comments.
/// </summary>
public static class MetaCharsetPrescan
{
    private const int Window = 1024;

    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, Window)]);
        var i = 0;
        while (i < head.Length)
        {
            if (string.CompareOrdinal(head, i, "<!--", 0, 4) == 0)
            {
                var end = head.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                i = end + 3;
                continue;
            }

            if (head[i] == '<' && i + 5 <= head.Length && string.Compare(head, i + 1, "meta", 0, 4, StringComparison.OrdinalIgnoreCase) == 0
                && i + 5 < head.Length && (char.IsWhiteSpace(head[i + 5]) || head[i + 5] == '/'))
            {
                var (charset, next) = ReadMeta(head, i + 5);
                if (charset is not null)
                {
                    return charset;
                }

                i = next;
                continue;
            }

            i++;
        }

        return null;
    }

    private static (string? Charset, int Next) ReadMeta(string text, int start)
    {
        string? charset = null;
        string? content = null;
        var httpEquivContentType = false;
        var i = start;
        while (i < text.Length)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '/'))
            {
                i++;
            }

            if (i >= text.Length || text[i] == '>')
            {
                break;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != '>' && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var name = text[nameStart..i].ToLowerInvariant();
            var value = string.Empty;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i < text.Length && (text[i] == '"' || text[i] == '\''))
                {
                    var quote = text[i];
                    var end = text.IndexOf(quote, i + 1);
                    end = end < 0 ? text.Length : end;
                    value = text[(i + 1)..end];
                    i = Math.Min(end + 1, text.Length);
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '>')
                    {
                        i++;
                    }

                    value = text[valueStart..i];
                }
            }

            switch (name)
            {
                case "charset":
                    charset ??= value.Trim();
                    break;
                case "content":
                    content ??= value;
                    break;
                case "http-equiv":
                    httpEquivContentType = value.Trim().Equals("content-type", StringComparison.OrdinalIgnoreCase);
                    break;
            }
        }

        if (!string.IsNullOrEmpty(charset))
        {
            return (charset, i);
        }

        if (httpEquivContentType && content is not null)
        {
            return (CharsetFromContentType(content), i);
        }

        return (null, i);
    }

    /// <summary>Extracts charset=... from a Content-Type value.</summary>
    public static string? CharsetFromContentType(string contentType)
    {
        var index = contentType.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var rest = contentType[(index + 7)..].TrimStart();
        if (!rest.StartsWith('='))
        {
            return null;
        }

        rest = rest[1..].Trim().Trim('"', '\'');
        var end = rest.IndexOfAny([';', ' ', '"', '\'']);
        return end < 0 ? rest : rest[..end];
    }
}
