namespace Syndication.Pipeline;

/// <summary>What makes a run exit with code 1 (--fail-on).</summary>
public enum FailOn
{
    /// <summary>A violation that is new since the last complete run (confirmed, not waived). The nightly default.</summary>
    New,

    /// <summary>Any non-compliant page that no waiver covers.</summary>
    Any,

    /// <summary>Never on findings (exit 2 still reports pages that could not be checked).</summary>
    Never,
}
