using System.Globalization;

namespace Syndication.Pipeline;

/// <summary>
/// One of N slices of a partner list (--shard K/N), cut by host so that every page of a host falls in the same slice
/// and the per-host politeness still holds when the slices run on different machines. The cut is a stable hash:
/// every machine computes the same slices.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        throw new FormatException($"--shard takes K/N with 1 <= K <= N, like 2/3 (got \"{text}\")");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    public bool Holds(PageTarget target)
    {
        var key = target.Address.Url?.Host.ToLowerInvariant() ?? target.Address.Argument;
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % (uint)Count == (uint)(Index - 1);
    }
}
