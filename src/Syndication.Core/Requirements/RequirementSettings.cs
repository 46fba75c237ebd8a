namespace Syndication.Requirements;

/// <summary>One requirement as a profile lists it: the id its outcomes carry, its kind, and its options.</summary>
public sealed record RequirementSettings(string Id, IRequirementKind Kind, RequirementOptions Options);
