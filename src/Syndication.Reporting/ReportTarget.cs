namespace Syndication.Reporting;

/// <summary>One report to write: a reporter and its file, or standard output when <see cref="Path"/> is null.</summary>
public sealed record ReportTarget(IReporter Reporter, string? Path);
