namespace Lindung.Domain.Contributions;

/// <summary>A rate file is malformed or contradicts itself. The message names the source and the row.</summary>
public sealed class RateBookFormatException : Exception
{
    public RateBookFormatException(string message)
        : base(message)
    {
    }

    public RateBookFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
