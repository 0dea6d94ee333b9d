namespace Lindung.Data.Entities;

internal enum AuditAction
{
    Create,
    Update,
    Delete,

    /// <summary>An account was locked after repeated failed passwords (entity: the user).</summary>
    LockedOut,

    /// <summary>A user changed their own password (entity: the user; no password data is recorded).</summary>
    PasswordChanged,

    /// <summary>
    /// Someone downloaded the audit trail (entity: <c>AuditEvent</c>): the filters, the format and
    /// the number of rows, never the rows themselves.
    /// </summary>
    Exported,

    /// <summary>
    /// Someone asked a question and got an answer, recorded with what was asked and answered: another
    /// social-protection system asked whether a NIK is enrolled (entity <c>EnrolmentSearch</c>, keyed
    /// by the client's reference id), or a licensing or procurement system checked an employer's
    /// compliance (entity <c>ComplianceCheck</c>, keyed by the employer found, the identifier in the answer).
    /// </summary>
    Searched,
}
