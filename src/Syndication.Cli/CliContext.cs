namespace Syndication.Cli;

/// <summary>What every command gets from the host: the output streams, the clock, and the stop signal (Ctrl+C, SIGTERM).</summary>
public sealed record CliContext(TextWriter Stdout, TextWriter Stderr, TimeProvider Time, CancellationToken Stop);
