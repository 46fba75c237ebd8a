using Syndication.Pipeline;

namespace Syndication.Reporting;

/// <summary>Writes a run summary in one format. Every reporter reads the same summary, so no two formats disagree.</summary>
public interface IReporter
{
    /// <summary>The --format name.</summary>
    string Format { get; }

    /// <summary>The file name used in --output-dir.</summary>
    string FileName { get; }

    /// <summary>Writes the report, reading <see cref="RunSummary.Pages"/> once, in order, keeping none of them.</summary>
    void Write(RunSummary summary, Stream output);
}
