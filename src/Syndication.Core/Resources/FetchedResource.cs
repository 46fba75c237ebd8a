namespace Syndication.Resources;

/// <summary>What the runner got for one request: the bytes, or a one-line reason why there are none.</summary>
public sealed record FetchedResource(ResourceRequest Request, string Location, byte[]? Bytes, string? Problem)
{
    public string? MediaType { get; init; }

    public bool FromCache { get; init; }

    public static FetchedResource Failed(ResourceRequest request, string location, string problem) => new(request, location, null, problem);
}
