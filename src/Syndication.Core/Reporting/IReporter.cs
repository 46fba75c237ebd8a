using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>Writes a run summary in one format. Every reporter reads the same summary.</summary>
public interface IReporter
{
    /// <summary>The --format name.</summary>
    string Format { get; }

    /// <summary>The file name used in --output-dir.</summary>
    string FileName { get; }

    void Write(RunSummary summary, Stream output);
}
