using System.Globalization;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Syndication.Cli.Logging;

/// <summary>Logs go to stderr (never into a report on stdout), one line per event; --verbose shows debug events.</summary>
public static class LogSetup
{
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static ILogger Create(bool verbose, TextWriter stderr, string? logFile = null)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .Enrich.With<SingleLineEnricher>();
        config = ReferenceEquals(stderr, Console.Error)
            ? config.WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture)
            : config.WriteTo.Sink(new TextWriterSink(stderr, new MessageTemplateTextFormatter(Template, CultureInfo.InvariantCulture)));
        if (logFile is not null)
        {
            config = config.WriteTo.File(new Serilog.Formatting.Compact.CompactJsonFormatter(), logFile);
        }

        return config.CreateLogger();
    }
}
