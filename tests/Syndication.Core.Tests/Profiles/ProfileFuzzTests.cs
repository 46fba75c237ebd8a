using Syndication.Core.Tests.Support;
using Syndication.Profiles;

namespace Syndication.Core.Tests.Profiles;

/// <summary>
/// A licensor's profile is edited by hand: whatever damage it has, loading it gives a profile or fails with one line
/// naming the file, never another exception. Seeded random edits of the built-in DCNF profile check it.
/// </summary>
public sealed class ProfileFuzzTests
{
    private static readonly string[] Pieces = [":", "-", " ", "\t", "\n", "[", "]", "{", "}", ",", "\"", "'", "#", "&a", "*a", "!!int", "!!binary", "|", ">", "?", "(", ")", "\\", "*", "+", "\u0000", "\uFEFF", "~", "null", "- null"];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void A_damaged_profile_loads_or_fails_with_one_line_naming_it(int seed)
    {
        Damage.ReadsOrRefuses<ProfileException>(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Syndication.Core", "Profiles", "dcnf.yaml")), seed, Pieces, 12,
            text => ProfileLoader.Parse(text, "profile.yaml"),
            Does.StartWith("profile.yaml"), "some damage (in comments, names) still loads");
    }
}
