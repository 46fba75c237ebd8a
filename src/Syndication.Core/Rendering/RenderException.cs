namespace Syndication.Rendering;

/// <summary>A page the browser could not render (crashed, hung, past its deadline): the page is an error of kind <c>render</c>.</summary>
public sealed class RenderException(string message, Exception? inner = null) : Exception(message, inner);
