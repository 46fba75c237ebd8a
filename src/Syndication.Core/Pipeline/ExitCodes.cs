namespace Syndication.Pipeline;

/// <summary>The process exit codes (README "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Every page compliant or not applicable (needs-review pages included: they are not failures).</summary>
    public const int Ok = 0;

    /// <summary>At least one page non-compliant.</summary>
    public const int NonCompliant = 1;

    /// <summary>No page non-compliant, but at least one could not be checked.</summary>
    public const int Errors = 2;

    /// <summary>Usage or configuration error: bad option, unreadable originals or partner list.</summary>
    public const int Usage = 3;

    public static int For(VerdictCounts counts) =>
        counts.NonCompliant > 0 ? NonCompliant : counts.Errors > 0 ? Errors : Ok;
}
