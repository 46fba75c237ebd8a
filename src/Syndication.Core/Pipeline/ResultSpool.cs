using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using Syndication.Files;

namespace Syndication.Pipeline;

/// <summary>
/// Results of a run kept on disk as JSON lines while pages finish in any order, and read back in input order: the
/// run's memory does not grow with the number of pages. Only each page's file offset is kept in memory. A slot can be
/// dropped (a discovered candidate that republishes nothing): the list then reads as the slots that were not.
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
    private readonly int[] _lengths;
    private readonly PageGist[] _gists;
    private readonly Lock _gate = new();
    private const long DroppedSlot = -2;
    private int[]? _kept;
    private int _dropped;
    private byte[] _buffer = new byte[16 * 1024];
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _reader;

    public ResultSpool(int count, string? directory = null)
    {
        var path = Path.Combine(directory ?? Path.GetTempPath(), $"syndication-results-{Guid.NewGuid():N}.jsonl");
        _file = OnDisk("make", path, () => new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose));
        _offsets = new long[count];
        Array.Fill(_offsets, -1);
        _lengths = new int[count];
        _gists = new PageGist[count];
    }

    /// <summary>The slots not dropped.</summary>
    public int Count => _offsets.Length - Volatile.Read(ref _dropped);

    /// <summary>The result at a position among the slots not dropped.</summary>
    public PageResult this[int index]
    {
        get
        {
            lock (_gate)
            {
                var slot = Slot(index);
                var offset = _offsets[slot];
                if (offset < 0)
                {
                    throw new InvalidOperationException($"no result for page {index} yet");
                }

                var length = _lengths[slot];
                if (_buffer.Length < length)
                {
                    _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
                }

                // The line's bytes straight from the file through a handle of its own (the writer's buffer flushed
                // first): no reader and no text per page, and the result is read from its UTF-8 as it was written.
                OnDisk("read back", _file.Name, () =>
                {
                    _file.Flush();
                    _reader ??= File.OpenHandle(_file.Name, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    var read = 0;
                    while (read < length)
                    {
                        var n = RandomAccess.Read(_reader, _buffer.AsSpan(read, length - read), offset + read);
                        if (n == 0)
                        {
                            throw new InvalidDataException("spool ended early");
                        }

                        read += n;
                    }

                    return read;
                });
                return JsonSerializer.Deserialize<PageResult>(_buffer.AsSpan(0, length), Json) ?? throw new InvalidDataException("empty result in spool");
            }
        }
    }

    /// <summary>Whether the slot has a result (by slot, dropped ones counted).</summary>
    public bool Has(int slot) => _offsets[slot] >= 0;

    /// <summary>Each kept page's verdict, partner and waiver, kept in memory: counting them reads nothing back.</summary>
    public IReadOnlyList<PageGist> Gists
    {
        get
        {
            lock (_gate)
            {
                return _dropped == 0 ? _gists : [.. Kept().Select(slot => _gists[slot])];
            }
        }
    }

    /// <summary>Sets the slot aside: it has no result and is not listed.</summary>
    public void Drop(int slot)
    {
        lock (_gate)
        {
            if (_offsets[slot] != DroppedSlot)
            {
                _offsets[slot] = DroppedSlot;
                _dropped++;
                _kept = null;
            }
        }
    }

    private int Slot(int index) => _dropped == 0 ? index : Kept()[index];

    private int[] Kept() => _kept ??= [.. Enumerable.Range(0, _offsets.Length).Where(slot => _offsets[slot] != DroppedSlot)];

    /// <summary>Writes the result of a slot (slots count the dropped ones).</summary>
    public void Write(int index, PageResult result)
    {
        // The same bytes the history derived its stored result and digest from, when it recorded this result.
        var bytes = ResultJson.Bytes(result);
        lock (_gate)
        {
            _offsets[index] = OnDisk("write", _file.Name, () =>
            {
                var offset = _file.Seek(0, SeekOrigin.End);
                _file.Write(bytes);
                _file.WriteByte((byte)'\n');
                return offset;
            });
            _lengths[index] = bytes.Length;
            _gists[index] = PageGist.Of(result);
        }
    }

    /// <summary>Runs a file operation on the spool; a failure (a full disk) names the file and the cause.</summary>
    private static T OnDisk<T>(string doing, string path, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (FileProblems.IsFileProblem(e))
        {
            throw new RunFolderException($"cannot {doing} the pages' results in {path}: {FileProblems.Describe(e)}", e);
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

    public void Dispose()
    {
        _reader?.Dispose();
        try
        {
            _file.Dispose();
        }
        catch (Exception e) when (FileProblems.IsFileProblem(e))
        {
            // The last results could not be flushed (a full disk): the run has failed already, and the file is closed
            // and deleted all the same.
        }
    }
}
