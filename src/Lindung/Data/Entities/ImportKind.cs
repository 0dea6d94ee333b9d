namespace Lindung.Data.Entities;

/// <summary>What a file holds: an agency's roster of non-ASN staff, or a BPJS Ketenagakerjaan membership extract.</summary>
internal enum ImportKind
{
    Roster,
    Members,
}

/// <summary>
/// All-or-nothing (the default) commits nothing when any row is invalid; valid-rows-only commits the
/// rows that passed and reports the rest.
/// </summary>
internal enum CommitMode
{
    AllOrNothing,
    ValidRowsOnly,
}
