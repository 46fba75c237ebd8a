using Serilog.Core;
using Serilog.Events;
using Syndication.Reporting;

namespace Syndication.Cli.Logging;

/// <summary>Escapes control characters in string properties, so text from a page can never break a log line in two or send escape codes.</summary>
public sealed class SingleLineEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && TerminalText.Safe(text) is var safe && !ReferenceEquals(safe, text))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(safe)));
            }
        }
    }
}
