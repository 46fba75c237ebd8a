namespace Syndication.Reporting;

/// <summary>The report options do not fit together (an unknown format, a file-only format without a file): a usage error.</summary>
public sealed class ReportOptionsException(string message) : Exception(message);
