using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndication.Pipeline;

/// <summary>
/// Results of a run kept on disk as JSON lines while pages finish in any order, and read back in input order: the
/// run's memory does not grow with the number of pages. Only each page's file offset is kept in memory.
/// </summary>
public sealed class ResultSpool : IReadOnlyList<PageResult>, IDisposable
{
    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly FileStream _file;
    private readonly long[] _offsets;
    private readonly PageGist[] _gists;
    private readonly Lock _gate = new();

    public ResultSpool(int count, string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.GetTempPath(), $"syndication-results-{Guid.NewGuid():N}.jsonl");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose);
        _offsets = new long[count];
        Array.Fill(_offsets, -1);
        _gists = new PageGist[count];
    }

    public int Count => _offsets.Length;

    public PageResult this[int index]
    {
        get
        {
            lock (_gate)
            {
                var offset = _offsets[index];
                if (offset < 0)
                {
                    throw new InvalidOperationException($"no result for page {index} yet");
                }

                _file.Position = offset;
                using var reader = new StreamReader(_file, leaveOpen: true);
                var line = reader.ReadLine() ?? throw new InvalidDataException("spool ended early");
                return JsonSerializer.Deserialize<PageResult>(line, Json) ?? throw new InvalidDataException("empty result in spool");
            }
        }
    }

    public bool Has(int index) => _offsets[index] >= 0;

    /// <summary>Each written page's verdict, partner and waiver, kept in memory: counting them reads nothing back.</summary>
    public IReadOnlyList<PageGist> Gists => _gists;

    public void Write(int index, PageResult result)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(result.Compact(), Json);
        lock (_gate)
        {
            _file.Seek(0, SeekOrigin.End);
            _offsets[index] = _file.Position;
            _file.Write(bytes);
            _file.WriteByte((byte)'\n');
            _gists[index] = PageGist.Of(result);
        }
    }

    public IEnumerator<PageResult> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose() => _file.Dispose();
}
