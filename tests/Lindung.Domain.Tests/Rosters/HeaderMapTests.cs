using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Rosters;

public class HeaderMapTests
{
    [Fact]
    public void Agency_headers_map_to_canonical_columns_whatever_their_case_and_punctuation()
    {
        var map = HeaderMap.Map(["No. KTP", "NAMA LENGKAP", "Tgl. Lahir", "L/P", "kode_wilayah", "OPD", "Status Pegawai", "Gaji", "No HP"], RosterColumns.All);

        Assert.Empty(map.Missing);
        Assert.Equal(0, map.IndexOf(RosterColumns.Nik));
        Assert.Equal(1, map.IndexOf(RosterColumns.Nama));
        Assert.Equal(2, map.IndexOf(RosterColumns.TanggalLahir));
        Assert.Equal(3, map.IndexOf(RosterColumns.JenisKelamin));
        Assert.Equal(7, map.IndexOf(RosterColumns.Upah));
        Assert.Equal(8, map.IndexOf("no_hp"));
        Assert.Equal(-1, map.IndexOf("jabatan"));
    }

    [Theory]
    [InlineData("NIK")]
    [InlineData("No. KTP")]
    [InlineData("NIK KTP")]
    [InlineData("nik_ktp")]
    public void Nik_aliases(string header) =>
        Assert.Equal(0, HeaderMap.Map([header], MemberColumns.All).IndexOf(MemberColumns.Nik));

    [Fact]
    public void A_missing_required_column_is_named_with_its_accepted_headers()
    {
        var map = HeaderMap.Map(["NIK", "Nama", "JK", "Kode Wilayah", "Instansi", "Kategori", "Upah"], RosterColumns.All);

        var missing = Assert.Single(map.Missing);
        Assert.Equal(RosterColumns.TanggalLahir, missing.Name);
        Assert.Contains("'tanggal_lahir'", map.DescribeMissing(), StringComparison.Ordinal);
        Assert.Contains("Tgl Lahir", map.DescribeMissing(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_cell_naming_a_column_wins()
    {
        var map = HeaderMap.Map(["Nama", "Nama Lengkap"], RosterColumns.All);
        Assert.Equal("Budi", map.Get(["  Budi ", "Budi Santoso"], RosterColumns.Nama));
    }
}
