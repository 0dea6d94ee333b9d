using Lindung.Domain.Procurement;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Procurement;

public class ContractColumnsTests
{
    [Theory]
    [InlineData("Pekerjaan Konstruksi", "KONSTRUKSI")]
    [InlineData("jasa-konstruksi", "KONSTRUKSI")]
    [InlineData("Jasa Lainnya", "JASA_LAINNYA")]
    [InlineData("JASA_LAINNYA", "JASA_LAINNYA")]
    [InlineData("Pengadaan Barang", "BARANG")]
    [InlineData("Jasa Konsultansi", "Jasa Konsultansi")]
    public void Kinds_are_read_by_their_procurement_names_and_unknown_ones_pass_through(string cell, string code) =>
        Assert.Equal(code, ContractColumns.KindCode(cell));

    [Fact]
    public void Headers_procurement_systems_write_find_their_columns()
    {
        var map = HeaderMap.Map(["No. SPK", "NIB Penyedia", "Jenis Pengadaan", "Nilai Kontrak (Rp)", "Tgl. Mulai", "Tanggal Akhir", "Kode Desa"], ContractColumns.All);

        Assert.Empty(map.Missing);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], new[] { ContractColumns.Nomor, ContractColumns.Penyedia, ContractColumns.Jenis, ContractColumns.Nilai, ContractColumns.TanggalMulai, ContractColumns.TanggalSelesai, ContractColumns.KodeLokasi }.Select(map.IndexOf));
        Assert.Equal(-1, map.IndexOf(ContractColumns.Termin));
    }

    [Theory]
    [InlineData("Rp 1.250.000.000", 1_250_000_000L)]
    [InlineData("1,250,000,000.00", 1_250_000_000L)]
    [InlineData("-5000000", -5_000_000L)]
    public void Contract_values_are_read_like_wages_with_their_own_bound(string cell, long value)
    {
        Assert.Equal(WageReading.Read, WageText.Read(cell, ContractColumns.MaxValue, out var read));
        Assert.Equal(value, read);
    }

    [Fact]
    public void A_wage_keeps_its_bound_and_a_value_past_the_contract_bound_is_too_large()
    {
        Assert.Equal(WageReading.TooLarge, WageText.Read("Rp 1.250.000.000", out _));
        Assert.Equal(WageReading.TooLarge, WageText.Read("9223372036854775807", ContractColumns.MaxValue, out _));
    }
}
