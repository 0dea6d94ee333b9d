using System.Globalization;
using Lindung.Application;
using Lindung.Data.Entities;

namespace Lindung.Features.Imports;

/// <summary>Why an import could not be undone, each naming what stands in the way.</summary>
internal static class UndoErrors
{
    public static readonly UseCaseError NotFound = UseCaseError.Of(
        "IMPORT_NOT_FOUND", "Impor tidak ditemukan atau di luar cakupan Anda.", "No such import in your scope.");

    public static UseCaseError AlreadyUndone(DateTime at, string? by) => UseCaseError.Of(
        "IMPORT_ALREADY_UNDONE",
        $"Impor ini sudah dibatalkan pada {Stamp(at)} UTC oleh {by}.",
        $"This import was already undone at {Stamp(at)} UTC by {by}.");

    public static UseCaseError LaterBatch(ImportBatch later) => UseCaseError.Of(
        "IMPORT_UNDO_BLOCKED_BY_LATER_IMPORT",
        $"Impor {later.Id} ({later.FileName}, {Stamp(later.ImportedAt)} UTC oleh {later.ImportedBy}) mengubah data yang sama sesudahnya; batalkan impor itu lebih dahulu.",
        $"Import {later.Id} ({later.FileName}, {Stamp(later.ImportedAt)} UTC by {later.ImportedBy}) changed the same records afterwards; undo it first.");

    public static UseCaseError LaterEdit(AuditEvent edit) => UseCaseError.Of(
        "IMPORT_UNDO_BLOCKED_BY_LATER_EDIT",
        $"Data dari impor ini diubah secara manual sesudahnya ({edit.EntityType} {edit.EntityKey}, {Stamp(edit.At)} UTC oleh {edit.Actor}); pembatalan akan menghapus perubahan itu.",
        $"Records of this import were changed by hand afterwards ({edit.EntityType} {edit.EntityKey}, {Stamp(edit.At)} UTC by {edit.Actor}); undoing would lose that change.");

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
