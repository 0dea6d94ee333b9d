using Lindung.Domain.Validation;

namespace Lindung.Application;

/// <summary>
/// One named reason a use case refused a request: the error (upper-snake code, message in Bahasa
/// Indonesia and English) and the request field it concerns, or null when it concerns the whole
/// request. Pages map it to ModelState, endpoints to an RFC 9457 problem, CLI verbs to exit code 2.
/// </summary>
internal sealed record UseCaseError(ValidationError Error, string? Field = null)
{
    public string Code => Error.Code;

    public string Message(bool english) => Error.Message(english);

    public static UseCaseError Of(string code, string messageId, string messageEn, string? field = null) =>
        new(new ValidationError(code, messageId, messageEn), field);
}

/// <summary>
/// What a use case answers: a value, or the errors that refused it. Refusals are data, never
/// exceptions; exceptions stay for what no user can fix (a lost connection, a bug).
/// </summary>
internal sealed class UseCaseResult<T>
{
    private readonly T? _value;

    private UseCaseResult(T? value, IReadOnlyList<UseCaseError> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<UseCaseError> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    /// <summary>The value of a successful result; reading it from a refusal is a bug.</summary>
    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"The use case was refused: {Errors[0].Code}.");

    public static UseCaseResult<T> Ok(T value) => new(value, []);

    public static UseCaseResult<T> Refused(params UseCaseError[] errors) =>
        errors.Length > 0 ? new(default, errors) : throw new ArgumentException("A refusal names at least one error.", nameof(errors));

    public static implicit operator UseCaseResult<T>(UseCaseError error) => Refused(error);
}
