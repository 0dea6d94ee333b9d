namespace Lindung.Data.Entities;

/// <summary>
/// A row recomputed by a batch job from audited data (one per roster worker per reconciliation
/// run). Not audited row by row: the run that wrote it is, and auditing every worker of a region on
/// every run would bury the trail.
/// </summary>
internal interface IDerivedRow;
