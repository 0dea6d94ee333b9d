using Lindung.Domain.Claims;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Claims;

public class ClaimColumnsTests
{
    [Fact]
    public void Headers_a_branch_extract_writes_find_their_columns()
    {
        var map = HeaderMap.Map(
            ["No. Klaim", "NIK KTP", "No. KPJ", "Program", "Meninggal Dunia", "Tgl. Kejadian", "Tgl Pengajuan", "Tgl Dokumen Lengkap", "Status Klaim", "Tgl Bayar", "Jumlah Dibayar"],
            ClaimColumns.All);

        Assert.Empty(map.Missing);
        Assert.Equal(
            Enumerable.Range(0, 11),
            new[]
            {
                ClaimColumns.Nomor, ClaimColumns.Nik, ClaimColumns.Kpj, ClaimColumns.Jenis, ClaimColumns.Meninggal, ClaimColumns.TanggalKejadian,
                ClaimColumns.TanggalPengajuan, ClaimColumns.TanggalDokumenLengkap, ClaimColumns.Status, ClaimColumns.TanggalBayar, ClaimColumns.NominalBayar,
            }.Select(map.IndexOf));
        Assert.Equal(-1, map.IndexOf(ClaimColumns.Upah));
    }

    [Fact]
    public void The_number_nik_kind_event_date_and_status_are_required() =>
        Assert.Equal(
            [ClaimColumns.Nomor, ClaimColumns.Nik, ClaimColumns.Jenis, ClaimColumns.TanggalKejadian, ClaimColumns.Status],
            HeaderMap.Map(["Nominal Bayar"], ClaimColumns.All).Missing.Select(c => c.Name));

    [Theory]
    [InlineData("JKK", ClaimKind.Jkk)]
    [InlineData("Jaminan Kecelakaan Kerja", ClaimKind.Jkk)]
    [InlineData("jaminan kematian", ClaimKind.Jkm)]
    [InlineData("J.H.T", ClaimKind.Jht)]
    [InlineData("Jaminan Pensiun", ClaimKind.Jp)]
    [InlineData("JKP", null)]
    [InlineData("", null)]
    public void Kinds_are_read_by_the_names_branches_use(string cell, ClaimKind? kind) =>
        Assert.Equal(kind, ClaimColumns.Kind(cell));

    [Theory]
    [InlineData("Dilaporkan", ClaimStatus.Reported)]
    [InlineData("Diajukan", ClaimStatus.Submitted)]
    [InlineData("VERIFIKASI", ClaimStatus.Submitted)]
    [InlineData("Dokumen Lengkap", ClaimStatus.Complete)]
    [InlineData("Dibayar", ClaimStatus.Paid)]
    [InlineData("paid", ClaimStatus.Paid)]
    [InlineData("Ditolak", ClaimStatus.Rejected)]
    [InlineData("Selesai?", null)]
    public void Statuses_are_read_in_Indonesian_and_as_codes(string cell, ClaimStatus? status) =>
        Assert.Equal(status, ClaimColumns.StatusOf(cell));

    [Theory]
    [InlineData("Ya", true)]
    [InlineData("Y", true)]
    [InlineData("1", true)]
    [InlineData("Tidak", false)]
    [InlineData("", false)]
    [InlineData("mungkin", null)]
    public void The_death_mark_is_yes_no_or_empty(string cell, bool? death) =>
        Assert.Equal(death, ClaimColumns.Death(cell));

    [Theory]
    [InlineData("'3577015505900003", "3577015505900003")]
    [InlineData("3577015505900003.0", "3577015505900003")]
    [InlineData("123.456.789.02", "12345678902")]
    [InlineData("3.57701E+15", "3.57701E+15")]
    [InlineData(" ", "")]
    public void Nik_and_kpj_cells_are_cleaned_as_rosters_clean_them(string cell, string cleaned) =>
        Assert.Equal(cleaned, ClaimColumns.Identifier(cell));
}
