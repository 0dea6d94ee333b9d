using System.Text;
using Lindung.Domain.Areas;

namespace Lindung.Domain.Tests.Areas;

public class AreaDirectoryTests
{
    private static readonly AreaDirectory Areas = AreaDirectory.Embedded;

    [Fact]
    public void Embedded_data_has_every_level_of_the_2025_master_list()
    {
        Assert.Equal(38, Areas.Provinces.Count);
        var regencies = Areas.Provinces.SelectMany(p => Areas.Children(p.Code)).ToList();
        Assert.Equal(514, regencies.Count);
        var districts = regencies.SelectMany(r => Areas.Children(r.Code)).ToList();
        Assert.InRange(districts.Count, 7265, 7300);
        var villages = districts.Sum(d => Areas.Children(d.Code).Count);
        Assert.InRange(villages, 83345, 83800);
    }

    [Theory]
    [InlineData("35.77", "Kota Madiun", AreaLevel.Regency)]
    [InlineData("3577", "Kota Madiun", AreaLevel.Regency)]
    [InlineData("35.19", "Kabupaten Madiun", AreaLevel.Regency)]
    [InlineData("35", "Jawa Timur", AreaLevel.Province)]
    [InlineData("357701", "Kartoharjo", AreaLevel.District)]
    public void Find_accepts_dotted_and_plain_codes(string code, string name, AreaLevel level)
    {
        var area = Areas.Find(code);
        Assert.NotNull(area);
        Assert.Equal(name, area.Name);
        Assert.Equal(level, area.Level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("35.7")]
    [InlineData("99")]
    [InlineData("35.77.99")]
    [InlineData("35a77")]
    [InlineData("35.77.01.99999")]
    public void Find_returns_null_for_unknown_or_malformed_codes(string code) => Assert.Null(Areas.Find(code));

    [Fact]
    public void Kota_is_told_apart_from_kabupaten_and_kelurahan_from_desa()
    {
        Assert.True(Areas.Find("35.77")!.IsCity);
        Assert.False(Areas.Find("35.19")!.IsCity);
        var villagesOfKartoharjo = Areas.Children("35.77.01");
        Assert.NotEmpty(villagesOfKartoharjo);
        Assert.All(villagesOfKartoharjo, v => Assert.True(v.IsUrbanVillage));
        var desa = Areas.Children("35.19.01");
        Assert.Contains(desa, v => !v.IsUrbanVillage);
    }

    [Fact]
    public void Path_walks_from_province_down_to_the_village()
    {
        var village = Areas.Children("35.77.01")[0];
        var path = Areas.Path(village.Code);
        Assert.Equal(["35", "35.77", "35.77.01", village.Code], path.Select(a => a.Code));
        Assert.Equal([AreaLevel.Province, AreaLevel.Regency, AreaLevel.District, AreaLevel.Village], path.Select(a => a.Level));
        Assert.Empty(Areas.Path("35.77.98"));
    }

    [Fact]
    public void Kota_Madiun_has_its_three_districts()
    {
        Assert.Equal(["Kartoharjo", "Manguharjo", "Taman"], Areas.Children("35.77").Select(a => a.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_ranks_exact_then_prefix_then_substring_and_filters_by_level()
    {
        var regencies = Areas.Search("madiun", AreaLevel.Regency);
        Assert.Equal(["35.19", "35.77"], regencies.Select(a => a.Code));

        var exact = Areas.Search("kota madiun");
        Assert.Equal("35.77", exact[0].Code);

        var villages = Areas.Search("KARTOHARJO", AreaLevel.Village);
        Assert.NotEmpty(villages);
        Assert.All(villages, v => Assert.Equal(AreaLevel.Village, v.Level));
        Assert.Empty(Areas.Search("   "));
    }

    [Fact]
    public void Quoted_names_with_commas_and_doubled_quotes_are_read_whole()
    {
        Assert.Equal("Lubuk Pakam I,II", Areas.Find("12.07.28.1007")!.Name);
        Assert.Equal("Soka\"an", Areas.Find("35.13.15.2017")!.Name);
        Assert.Contains(Areas.Search("sokaan", AreaLevel.Village), a => a.Code == "35.13.15.2017");
    }

    [Fact]
    public void Villages_load_only_when_a_query_needs_them()
    {
        var opened = new List<string>();
        var directory = new AreaDirectory(name =>
        {
            opened.Add(name);
            return new MemoryStream(Encoding.UTF8.GetBytes(SmallData[name]));
        });

        Assert.Equal("Kartoharjo", directory.Find("35.77.01")!.Name);
        Assert.Equal(["provinces", "regencies", "districts"], opened);

        Assert.Equal("Kelurahan Satu", directory.Find("3577011001")!.Name);
        Assert.Equal(["provinces", "regencies", "districts", "villages"], opened);
    }

    [Fact]
    public void Malformed_data_is_refused_with_the_line_number()
    {
        var data = new Dictionary<string, string>(SmallData) { ["regencies"] = "code,province_code,name\n35.77,35,Kota Madiun\n3577,35\n" };
        var directory = new AreaDirectory(name => new MemoryStream(Encoding.UTF8.GetBytes(data[name])));
        var error = Assert.Throws<FormatException>(() => directory.Find("35"));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    private static readonly Dictionary<string, string> SmallData = new()
    {
        ["provinces"] = "code,name\n35,Jawa Timur\n",
        ["regencies"] = "code,province_code,name\n35.77,35,Kota Madiun\n",
        ["districts"] = "code,regency_code,name\n35.77.01,35.77,Kartoharjo\n",
        ["villages"] = "code,district_code,name\n35.77.01.1001,35.77.01,Kelurahan Satu\n",
    };
}
