using Serilog;
using Serilog.Events;

namespace Syndication.Cli.Logging;

/// <summary>Logs go to stderr (never into a report on stdout), one line per event; --verbose shows debug events.</summary>
public static class LogSetup
{
    public static ILogger Create(bool verbose, string? logFile = null)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .Enrich.With<SingleLineEnricher>()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (logFile is not null)
        {
            config = config.WriteTo.File(new Serilog.Formatting.Compact.CompactJsonFormatter(), logFile);
        }

        return config.CreateLogger();
    }
}
