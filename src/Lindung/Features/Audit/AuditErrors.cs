using Lindung.Application;

namespace Lindung.Features.Audit;

/// <summary>Why an audit-trail search or export was refused. Fields name the request parameter concerned.</summary>
internal static class AuditErrors
{
    public const string ActionField = "action";
    public const string FromField = "from";
    public const string ToField = "to";
    public const string AfterField = "after";
    public const string PageSizeField = "pageSize";
    public const string FormatField = "format";

    public static UseCaseError ActionUnknown { get; } = UseCaseError.Of(
        "AUDIT_ACTION_UNKNOWN", "Aksi tidak dikenal. Pilih CREATE, UPDATE, DELETE, LOCKED_OUT, PASSWORD_CHANGED atau EXPORTED.",
        "Unknown action. Choose CREATE, UPDATE, DELETE, LOCKED_OUT, PASSWORD_CHANGED or EXPORTED.", ActionField);

    public static UseCaseError RangeReversed { get; } = UseCaseError.Of(
        "AUDIT_RANGE_REVERSED", "Tanggal awal harus sama dengan atau sebelum tanggal akhir.",
        "The start date must be on or before the end date.", FromField);

    public static UseCaseError RangeTooLong { get; } = UseCaseError.Of(
        "AUDIT_RANGE_TOO_LONG", $"Rentang tanggal paling lama {SearchAuditTrail.MaxDays} hari; persempit rentangnya atau kosongkan salah satu tanggal.",
        $"The date range is at most {SearchAuditTrail.MaxDays} days; narrow it or leave one of the dates empty.", ToField);

    public static UseCaseError CursorInvalid { get; } = UseCaseError.Of(
        "AUDIT_CURSOR_INVALID", "Penanda halaman (after) tidak valid.", "The page cursor (after) is not valid.", AfterField);

    public static UseCaseError PageSizeInvalid { get; } = UseCaseError.Of(
        "AUDIT_PAGE_SIZE_INVALID", $"Ukuran halaman 1 sampai {SearchAuditTrail.MaxPageSize}.",
        $"Page size must be 1 to {SearchAuditTrail.MaxPageSize}.", PageSizeField);

    public static UseCaseError FormatInvalid { get; } = UseCaseError.Of(
        "AUDIT_FORMAT_INVALID", "Format ekspor: csv atau xlsx.", "The export format must be csv or xlsx.", FormatField);

    public static UseCaseError TooManyRowsForXlsx { get; } = UseCaseError.Of(
        "AUDIT_EXPORT_TOO_LARGE_FOR_XLSX", "Terlalu banyak baris untuk satu lembar XLSX; persempit filter atau unduh CSV.",
        "Too many rows for one XLSX sheet; narrow the filters or download CSV.", FormatField);
}
