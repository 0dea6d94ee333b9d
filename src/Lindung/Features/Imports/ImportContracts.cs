namespace Lindung.Features.Imports;

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

/// <summary>
/// One import to run. <paramref name="ColumnOverrides"/> maps a canonical column (e.g. "nik") to the
/// header cell the user picked for it on the mapping screen, for headers no alias recognises.
/// </summary>
internal sealed record ImportRequest(
    ImportKind Kind,
    string FilePath,
    string OriginalFileName,
    string? AgencyCode,
    string? Sheet,
    CommitMode Mode,
    IReadOnlyDictionary<string, string>? ColumnOverrides = null);

/// <summary>How far an import has got; bytes let a progress bar move before the row count is known.</summary>
internal sealed record ImportProgress(string Phase, long RowsRead, long BytesRead, long TotalBytes);
