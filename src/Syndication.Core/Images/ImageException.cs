namespace Syndication.Images;

/// <summary>An image that cannot be compared, with a one-line reason ("declares 100000 x 100000 pixels, over the cap").</summary>
public sealed class ImageException : Exception
{
    public ImageException()
    {
    }

    public ImageException(string message)
        : base(message)
    {
    }

    public ImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
