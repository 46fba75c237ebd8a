using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Syndication.History;

/// <summary>
/// The judged result's JSON (<see cref="PageEntry.Judged"/>) and its digest (<see cref="PageEntry.Digest(Pipeline.PageResult)"/>) cut
/// from the bytes the run's spool writes (<see cref="Pipeline.ResultJson"/>), so a result is serialised once a night,
/// not once for the spool, once for the digest and once more to store it. The cuts copy the serialiser's own bytes
/// and leave out what the judged result has not (a run's change, since, streak, confirmation and position, on the page
/// and on each requirement); for the digest the fetch's per-night facts are as <see cref="PageEntry"/> blanks them
/// (elapsed 0, not from the cache, no time, no status; without schema 5's bytes: no hash, 0 bytes). The result is
/// byte for byte what serialising the judged result gives (a test holds them equal on every kind of result), so
/// stored results and old digests are recognised as before.
/// </summary>
internal static class JudgedJson
{
    private static readonly byte[][] RunFacts = [.. new[] { "Change", "Since", "Streak", "Confirmed", "Position" }.Select(Name)];
    private static readonly byte[][] RequirementRunFacts = [.. new[] { "Change", "Since", "Streak" }.Select(Name)];
    private static readonly byte[] Requirements = Name("Requirements");
    private static readonly byte[] Fetch = Name("Fetch");
    private static readonly byte[] ElapsedMs = Name("ElapsedMs");
    private static readonly byte[] FromCache = Name("FromCache");
    private static readonly byte[] Bytes = Name("Bytes");
    private static readonly byte[][] FetchDropped = [.. new[] { "FetchedAt", "Status" }.Select(Name)];
    private static readonly byte[][] FetchBytesDropped = [.. new[] { "ContentHash" }.Select(Name)];
    private static readonly byte[] Zero = "0"u8.ToArray();
    private static readonly byte[] False = "false"u8.ToArray();

    /// <summary>How the fetch's facts are cut.</summary>
    public enum FetchFacts
    {
        /// <summary>As they are (the stored result).</summary>
        Kept,

        /// <summary>Blanked as schema 6's digest blanks them (the bytes' hash and size too).</summary>
        Digest,

        /// <summary>Blanked as schema 5's digest did (the bytes' hash and size kept).</summary>
        DigestBeforeSchemaSix,
    }

    /// <summary>The judged result's JSON from the run's result JSON.</summary>
    public static byte[] Judged(ReadOnlySpan<byte> result, FetchFacts fetch = FetchFacts.Kept)
    {
        var output = new ArrayBufferWriter<byte>(result.Length);
        var reader = new Utf8JsonReader(result);
        reader.Read();
        CopyObject(ref reader, result, output, Level.Page, fetch);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>16 bytes of the SHA-256 of the judged result's JSON with the fetch's facts blanked.</summary>
    public static byte[] Digest(ReadOnlySpan<byte> result, bool keepBytes) =>
        SHA256.HashData(Judged(result, keepBytes ? FetchFacts.DigestBeforeSchemaSix : FetchFacts.Digest))[..16];

    private enum Level
    {
        Page,
        Requirement,
        Fetch,
    }

    /// <summary>Copies the object the reader is at (its StartObject read), property by property, leaving out or replacing what the level says.</summary>
    private static void CopyObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ArrayBufferWriter<byte> output, Level level, FetchFacts fetch)
    {
        output.Write("{"u8);
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var name = reader.ValueSpan;
            var dropped = level switch
            {
                Level.Page => Contains(RunFacts, name),
                Level.Requirement => Contains(RequirementRunFacts, name),
                _ => fetch != FetchFacts.Kept && (Contains(FetchDropped, name) || (fetch == FetchFacts.Digest && Contains(FetchBytesDropped, name))),
            };
            byte[]? replaced = level == Level.Fetch && fetch != FetchFacts.Kept
                ? name.SequenceEqual(ElapsedMs) ? Zero : name.SequenceEqual(FromCache) ? False : fetch == FetchFacts.Digest && name.SequenceEqual(Bytes) ? Zero : null
                : null;
            var nested = level == Level.Page && (name.SequenceEqual(Requirements) || name.SequenceEqual(Fetch));
            var isRequirements = level == Level.Page && name.SequenceEqual(Requirements);
            reader.Read();
            var valueStart = (int)reader.TokenStartIndex;
            if (dropped)
            {
                reader.Skip();
                continue;
            }

            if (!first)
            {
                output.Write(","u8);
            }

            first = false;
            // The name as written, with its colon: everything from the name's quote to the value.
            output.Write(source[nameStart..valueStart]);
            if (replaced is not null)
            {
                reader.Skip();
                output.Write(replaced);
            }
            else if (nested && isRequirements && reader.TokenType == JsonTokenType.StartArray)
            {
                CopyRequirements(ref reader, source, output, fetch);
            }
            else if (nested && reader.TokenType == JsonTokenType.StartObject)
            {
                CopyObject(ref reader, source, output, Level.Fetch, fetch);
            }
            else
            {
                reader.Skip();
                output.Write(source[valueStart..(int)reader.BytesConsumed]);
            }
        }

        output.Write("}"u8);
    }

    private static void CopyRequirements(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ArrayBufferWriter<byte> output, FetchFacts fetch)
    {
        output.Write("["u8);
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                output.Write(","u8);
            }

            first = false;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                CopyObject(ref reader, source, output, Level.Requirement, fetch);
            }
            else
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                output.Write(source[start..(int)reader.BytesConsumed]);
            }
        }

        output.Write("]"u8);
    }

    private static bool Contains(byte[][] names, ReadOnlySpan<byte> name)
    {
        foreach (var candidate in names)
        {
            if (name.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static byte[] Name(string name) => System.Text.Encoding.UTF8.GetBytes(name);
}
