namespace Syndication.Fetching;

/// <summary>
/// A site's robots.txt Sitemap: lines, read through the fetcher's own robots cache: the one robots.txt request per
/// host serves both its rules and discovery. Throws <see cref="FetchException"/> when robots.txt cannot be reached.
/// </summary>
public interface IRobotsSitemaps
{
    Task<IReadOnlyList<string>> RobotsSitemapsAsync(Uri site, CancellationToken cancellationToken);
}
