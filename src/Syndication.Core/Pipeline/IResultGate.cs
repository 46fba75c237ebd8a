namespace Syndication.Pipeline;

/// <summary>
/// Decides, before the stages, whether a result is reported as a page: discovery keeps a candidate only when it
/// republishes an original, and sets a watched site's republications aside as unlicensed. Returns null to set the
/// result aside. Called by the run's one recorder, one result at a time.
/// </summary>
public interface IResultGate
{
    PageResult? Admit(PageTarget target, PageResult result);
}
