namespace Lindung.Domain.Validation;

/// <summary>
/// One reason a value was rejected: a stable code for machines and the same message in Bahasa
/// Indonesia (the default UI language) and English. Errors are data, never exceptions.
/// </summary>
public sealed record ValidationError(string Code, string MessageId, string MessageEn)
{
    public string Message(bool english) => english ? MessageEn : MessageId;
}
