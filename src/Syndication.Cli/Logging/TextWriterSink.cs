using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Syndication.Cli.Logging;

/// <summary>Writes events to a TextWriter (a test's captured stderr); one lock, one line per event.</summary>
public sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
