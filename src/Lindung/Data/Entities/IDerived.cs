namespace Lindung.Data.Entities;

/// <summary>
/// A row computed from audited registry rows (e.g. a coverage snapshot). The audit trail already holds
/// every change it was computed from, so the audit interceptor skips it instead of doubling the trail.
/// </summary>
internal interface IDerived;
