namespace Syndication.Pipeline;

/// <summary>A step each result passes through before it is kept (waivers, history): returns the result as it should be reported.</summary>
public interface IResultStage
{
    PageResult Process(int position, PageResult result);
}
