using Serilog;
using Syndication.Fetching;
using Syndication.Matching;
using Syndication.Originals;
using Syndication.Parsing;
using Syndication.Pipeline;
using Syndication.Profiles;
using Syndication.Text;

namespace Syndication.Core.Tests.Support;

/// <summary>Builds the engine the way the CLI does, for tests.</summary>
public static class Engines
{
    private static readonly Lazy<List<Original>> SampleOriginals = new(() =>
        OriginalsLoader.Read(File.ReadAllBytes(RepoPaths.Samples("originals", "feed.xml")), null, "samples/originals/feed.xml"));

    public static IReadOnlyList<Original> Samples => SampleOriginals.Value;

    public static CheckSettings Settings(IEnumerable<Original>? originals = null, params string[] reporters) =>
        new(ProfileLoader.BuiltIn, new OriginalCatalogue(originals ?? Samples, ProfileLoader.BuiltIn), reporters.Select(r => new PersonName(r)).ToList());

    /// <summary>The demo's profile (samples/profile.yaml): the built-in one with its reference logo read from a file.</summary>
    public static CheckSettings SampleSettings()
    {
        var profile = ProfileLoader.Load(RepoPaths.Samples("profile.yaml"));
        return new(profile, new OriginalCatalogue(Samples, profile), []);
    }

    public static PageEvaluator Evaluator(IEnumerable<Original>? originals = null, params string[] reporters) => new(Settings(originals, reporters));

    public static PageChecker FileChecker(CheckSettings settings) =>
        new(new FileFetcher(new FetchOptions(), TimeProvider.System), new PageEvaluator(settings), new LoggerConfiguration().CreateLogger());

    /// <summary>Evaluates an HTML string against the sample originals (or the given ones).</summary>
    public static PageResult Evaluate(string html, IEnumerable<Original>? originals = null, params string[] reporters) =>
        Evaluator(originals, reporters).Evaluate(PageParser.ParseText(html), PageTarget.Of("inline.html"));
}
