using Syndication.Verdicts;

namespace Syndication.Requirements.Unedited;

/// <summary>One difference between the original and the republication: what it is, how it weighs, and the words.</summary>
/// <param name="What">In words: "changed number", "time reference", "cut sentence"...</param>
/// <param name="Weight">Pass: an edit the licence allows (listed); review: a person should decide; fail: an edit it forbids.</param>
/// <param name="Diff">The words, git word-diff style: [-the original's-]{+the republication's+}.</param>
internal sealed record Edit(string What, Outcome Weight, string Diff, Unit? Original, Unit? Republished);
