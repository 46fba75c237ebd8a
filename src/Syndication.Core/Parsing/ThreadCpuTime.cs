using System.Runtime.InteropServices;

namespace Syndication.Parsing;

/// <summary>
/// The CPU time the calling thread has used, so a page's judging is bounded by the work it costs and not by how busy
/// the machine is. Linux's CLOCK_THREAD_CPUTIME_ID; elsewhere null, and callers fall back to the wall clock.
/// </summary>
internal static partial class ThreadCpuTime
{
    private const int ThreadCpuTimeClock = 3;

    private static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    public static TimeSpan? Now() => Available && Read() is { } t ? t : null;

    private static bool Probe()
    {
        try
        {
            return Read() is not null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static TimeSpan? Read() =>
        clock_gettime(ThreadCpuTimeClock, out var spec) == 0 ? TimeSpan.FromTicks(spec.Seconds * TimeSpan.TicksPerSecond + spec.Nanoseconds / 100) : null;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
