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
        var original = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Syndication.Core", "Profiles", "dcnf.yaml"));
        var random = new Random(seed);
        var (loaded, refused) = (0, 0);
        for (var round = 0; round < 300; round++)
        {
            var text = Damage.Apply(original, random, 1 + random.Next(4), Pieces, 12);
            try
            {
                ProfileLoader.Parse(text, "profile.yaml");
                loaded++;
            }
            catch (ProfileException e)
            {
                refused++;
                Assert.That(e.Message, Does.StartWith("profile.yaml").And.Not.Contain('\n'), $"round {round}: {e.Message}");
            }
            catch (Exception e)
            {
                Assert.Fail($"round {round}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\n--- profile ---\n{text}");
            }
        }

        Assert.That(refused, Is.GreaterThan(0), "some damage is refused");
        Assert.That(loaded, Is.GreaterThan(0), "some damage (in comments, names) still loads");
    }
}
