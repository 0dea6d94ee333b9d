using Lindung.Application;

namespace Lindung.Features.Tickets;

internal static class TicketErrors
{
    public static UseCaseError NotFound { get; } = UseCaseError.Of(
        "TICKET_NOT_FOUND", "Tiket tidak ditemukan atau di luar cakupan Anda.", "Ticket not found or outside your scope.");

    public static UseCaseError AgencyOnly { get; } = UseCaseError.Of(
        "TICKET_AGENCY_ONLY", "Tiket dibuka oleh operator instansi untuk kantor cabang.", "Tickets are opened by an agency operator, for the branch.");

    public static UseCaseError CategoryInvalid { get; } = UseCaseError.Of(
        "TICKET_CATEGORY_INVALID", "Kategori harus kritik, saran, masukan atau pengaduan.", "The category must be kritik, saran, masukan or pengaduan.", "category");

    public static UseCaseError SubjectInvalid { get; } = UseCaseError.Of(
        "TICKET_SUBJECT_INVALID", "Judul wajib diisi, paling banyak 200 karakter.", "The subject is required, at most 200 characters.", "subject");

    public static UseCaseError TextInvalid { get; } = UseCaseError.Of(
        "TICKET_TEXT_INVALID", "Isi pesan wajib diisi, paling banyak 4.000 karakter.", "The message is required, at most 4,000 characters.", "text");

    public static UseCaseError Closed { get; } = UseCaseError.Of(
        "TICKET_CLOSED", "Tiket sudah ditutup; buka tiket baru bila perlu.", "The ticket is closed; open a new one if needed.");

    public static UseCaseError SatisfactionInvalid { get; } = UseCaseError.Of(
        "TICKET_SATISFACTION_INVALID", "Nilai kepuasan wajib diisi, 1 sampai 5 bintang.", "The satisfaction is required, 1 to 5 stars.", "satisfaction");

    public static UseCaseError BranchNoteRequired { get; } = UseCaseError.Of(
        "TICKET_CLOSE_REASON",
        "Kantor cabang yang menutup tiket menuliskan alasannya di catatan (misalnya duplikat atau tidak ada tanggapan).",
        "A branch that closes a ticket writes why in the note (a duplicate, or no reply from the agency, for example).",
        "note");

    public static UseCaseError NoteInvalid { get; } = UseCaseError.Of(
        "TICKET_NOTE_INVALID", "Catatan paling banyak 1.000 karakter.", "The note may be at most 1,000 characters.", "note");

    public static UseCaseError StatusInvalid { get; } = UseCaseError.Of(
        "TICKET_STATUS_INVALID", "Status harus OPEN, ANSWERED atau CLOSED.", "The status must be OPEN, ANSWERED or CLOSED.", "status");

    public static UseCaseError AttachmentSize(string file, long maxBytes) => UseCaseError.Of(
        "ATTACHMENT_TOO_LARGE",
        $"Lampiran \"{file}\" kosong atau lebih dari {maxBytes / (1024 * 1024)} MB; tidak ada yang disimpan.",
        $"Attachment \"{file}\" is empty or larger than {maxBytes / (1024 * 1024)} MB; nothing was stored.",
        "files");

    public static UseCaseError AttachmentType(string file) => UseCaseError.Of(
        "ATTACHMENT_TYPE",
        $"Lampiran \"{file}\" bukan PDF, PNG atau JPEG (dilihat dari isinya dan nama berkasnya); tidak ada yang disimpan.",
        $"Attachment \"{file}\" is not a PDF, PNG or JPEG (by its content and its file name); nothing was stored.",
        "files");

    public static UseCaseError AttachmentCount(int max) => UseCaseError.Of(
        "ATTACHMENTS_TOO_MANY", $"Paling banyak {max} lampiran per pesan.", $"At most {max} attachments per message.", "files");
}
