using System.Diagnostics;
using System.Text.Json;
using Syndication.Cli.Tests.Support;

namespace Syndication.Cli.Tests;

/// <summary>
/// Logos recognised by their pixels from the command line: the demo's profile reads its reference logo from a file
/// and a saved page's images from its folder; without the image library's native part the tool says so once and
/// judges by markup.
/// </summary>
public sealed class ImageTests
{
    private static readonly string[] Arguments =
    [
        "check", "--profile", RepoPaths.Samples("profile.yaml"), "--originals", RepoPaths.Samples("originals", "feed.xml"), "--format", "json",
        RepoPaths.Page("wordpress-rehosted-logo-unnamed-compliant.html"), RepoPaths.Page("wordpress-compliant.html"),
    ];

    [Test]
    public async Task A_re_hosted_unnamed_logo_passes_by_its_pixels()
    {
        var result = await CliRunner.RunProcessAsync(Arguments);
        Assert.That(result.ExitCode, Is.EqualTo(0), result.Stderr);
        Assert.That(LogoOf(result.Stdout, 0), Does.StartWith("pass:").And.Contain("recognised by its pixels"));
        Assert.That(result.Stderr, Does.Not.Contain("Images cannot be compared"));
    }

    [Test]
    public async Task Without_the_native_image_library_logos_are_judged_by_markup_after_one_warning()
    {
        using var folder = new TempFolder();
        ShadowWithoutSkia(AppContext.BaseDirectory, folder.Path);
        var info = CliProcess.StartInfo(Arguments);
        info.ArgumentList[0] = Path.Combine(folder.Path, "syndication.dll");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var (output, errors) = (await stdout, await stderr);

        Assert.That(process.ExitCode, Is.EqualTo(1), errors);
        Assert.That(errors.Split('\n').Count(l => l.Contains("Images cannot be compared on this machine", StringComparison.Ordinal)), Is.EqualTo(1), errors);
        Assert.That(errors, Does.Contain("libSkiaSharp").And.Contain("judged by their markup alone"));
        Assert.That(LogoOf(output, 0), Does.StartWith("fail:"), "the unnamed logo cannot be seen without pixels");
        Assert.That(LogoOf(output, 1), Does.StartWith("pass:"), "a logo named in the markup still passes");
    }

    private static string LogoOf(string json, int page)
    {
        using var document = JsonDocument.Parse(json);
        var logo = document.RootElement.GetProperty("pages")[page].GetProperty("requirements").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "logo");
        return $"{logo.GetProperty("status").GetString()}: {logo.GetProperty("message").GetString()}";
    }

    /// <summary>The executable's folder as links, less SkiaSharp's native library: as on a machine where it cannot load.</summary>
    private static void ShadowWithoutSkia(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file).StartsWith("libSkiaSharp", StringComparison.Ordinal))
            {
                continue;
            }

            var link = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(link)!);
            // The host finds the app's folder from the real path of its entry files: those are copied, the rest linked.
            if (Path.GetFileName(file).StartsWith("syndication.", StringComparison.Ordinal))
            {
                File.Copy(file, link);
            }
            else
            {
                File.CreateSymbolicLink(link, file);
            }
        }
    }
}
