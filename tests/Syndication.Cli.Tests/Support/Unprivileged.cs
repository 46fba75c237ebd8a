namespace Syndication.Cli.Tests.Support;

/// <summary>
/// Runs the executable as a user whom file permissions bind. CI runs as root, which reads and writes any file
/// whatever its mode; setpriv drops the capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). A test
/// that needs it is skipped, saying why, where neither is possible.
/// </summary>
public static class Unprivileged
{
    private static readonly bool Root = Environment.UserName == "root";

    /// <summary>The launcher to pass to <see cref="CliRunner.RunProcessAsync(IReadOnlyDictionary{string, string?}?, IReadOnlyList{string}?, string[])"/>.</summary>
    public static IReadOnlyList<string>? Launcher()
    {
        if (!Root)
        {
            return null;
        }

        var setpriv = new[] { "/usr/bin/setpriv", "/bin/setpriv" }.FirstOrDefault(File.Exists);
        if (setpriv is null)
        {
            Assert.Ignore("running as root without setpriv: file permissions cannot be made to apply");
        }

        return [setpriv, "--bounding-set=-dac_override,-dac_read_search"];
    }

    public static Task<CliRunner.Result> RunAsync(params string[] args) => CliRunner.RunProcessAsync(null, Launcher(), args);
}
