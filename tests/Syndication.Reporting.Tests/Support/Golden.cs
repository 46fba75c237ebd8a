using System.Text;

namespace Syndication.Reporting.Tests.Support;

/// <summary>
/// Compares output with a checked-in golden file, byte for byte. UPDATE_GOLDEN=1 rewrites the file from the given
/// reference output (rendered under the invariant culture) first; the comparison still runs, so a run under another
/// culture that differs fails even then.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static void Verify(string name, byte[] actual, byte[] reference)
    {
        var path = RepoPaths.Golden(name);
        if (Updating)
        {
            File.WriteAllBytes(path, reference);
        }

        Assert.That(File.Exists(path), Is.True, $"no golden file {path}: run the tests once with UPDATE_GOLDEN=1 and review the diff");
        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var actualPath = Path.Combine(TestContext.CurrentContext.WorkDirectory, name + ".actual");
        File.WriteAllBytes(actualPath, actual);
        Assert.Fail($"{name} differs from its golden file at {FirstDifference(expected, actual)}; the output is in {actualPath}. "
            + "If the change is intended, run with UPDATE_GOLDEN=1 and review the diff.");
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}:\n  expected: {Cut(left)}\n  actual:   {Cut(right)}";
            }
        }

        return "the byte level (line ends or BOM)";
    }

    private static string Cut(string line) => line.Length > 300 ? line[..300] + "…" : line;
}
