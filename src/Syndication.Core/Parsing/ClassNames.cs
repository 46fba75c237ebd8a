using System.Collections.Concurrent;
using AngleSharp.Dom;

namespace Syndication.Parsing;

/// <summary>
/// Answers about an element's class attribute, computed once per distinct attribute value and cached: the same
/// class strings repeat across a page and across a partner's pages, and AngleSharp's ClassList splits anew each time.
/// </summary>
public static class ClassNames
{
    private const int MaxEntries = 50_000;
    private static readonly ConcurrentDictionary<(string Question, string Classes), string?> Answers = new();

    /// <summary>The answer of <paramref name="compute"/> for the element's classes (null when it has none).</summary>
    public static string? Ask(IElement element, string question, Func<string[], string?> compute)
    {
        var value = element.GetAttribute("class");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var key = (question, value);
        if (Answers.TryGetValue(key, out var answer))
        {
            return answer;
        }

        if (Answers.Count > MaxEntries)
        {
            Answers.Clear();
        }

        return Answers[key] = compute(value.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
    }
}
