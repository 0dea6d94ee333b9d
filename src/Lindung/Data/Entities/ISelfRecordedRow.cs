namespace Lindung.Data.Entities;

/// <summary>
/// A row that is itself the record of who did what and when (a licence check names its asker). Not
/// audited again by <see cref="AuditInterceptor"/>: a second copy of every question would only
/// double the trail.
/// </summary>
internal interface ISelfRecordedRow;
