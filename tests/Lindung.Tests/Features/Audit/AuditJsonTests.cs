using System.Text.Json;
using Lindung.Features.Audit;
using Lindung.Security;
using static Lindung.Data.LindungRoles;

namespace Lindung.Tests.Features.Audit;

/// <summary>What each reader sees of an event's before/after rows (docs/PRIVACY.md, "The audit trail").</summary>
public sealed class AuditJsonTests
{
    private const string Nik = "3577015202900001";

    private static PersonalDataView View(string role, bool export) =>
        PersonalDataPolicy.ForAuditTrail(new AccessScope(new HashSet<string> { role }, ["35.77"], null, "x@test"), export);

    [Fact]
    public void The_auditor_reads_a_masked_NIK_and_no_identity_on_the_page_and_in_the_export()
    {
        foreach (var export in new[] { false, true })
        {
            var view = View(Auditor, export);
            Assert.Equal(NikView.Masked, view.Nik);
            Assert.False(view.Names || view.Kpj || view.Wages || view.BirthDateAndSex);
        }
    }

    [Fact]
    public void The_admin_reads_lists_masked_and_exports_whole()
    {
        Assert.Equal(NikView.Masked, View(RegionalAdmin, export: false).Nik);
        Assert.True(View(RegionalAdmin, export: false).Names);
        Assert.Equal(NikView.Full, View(RegionalAdmin, export: true).Nik);
        Assert.Equal(
            """{"nik":"3577015202900001","name":"Siti"}""",
            AuditJson.Redact("""{"nik":"3577015202900001","name":"Siti"}""", "Worker", View(RegionalAdmin, export: true)));
    }

    [Fact]
    public void Every_personal_column_and_any_sixteen_digit_value_is_withheld_or_masked_for_the_auditor()
    {
        var row = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["nik"] = Nik,
            ["roster_nik"] = "12345",
            ["npwp"] = Nik,
            ["name"] = "Siti Rahayu",
            ["birth_date"] = "1990-02-12",
            ["sex"] = "P",
            ["phone"] = "0812",
            ["kpj"] = "10000000001",
            ["monthly_wage"] = 2_500_000,
            ["reported_wage"] = 2_000_000,
            ["region_code"] = "35.77.01.1001",
            ["regions"] = new[] { Nik },
        });

        var shown = JsonDocument.Parse(AuditJson.Redact(row, "Worker", View(Auditor, export: true))!).RootElement;

        Assert.Equal("357701******0001", shown.GetProperty("nik").GetString());
        Assert.Equal("*****", shown.GetProperty("roster_nik").GetString());
        Assert.Equal("357701******0001", shown.GetProperty("npwp").GetString());
        Assert.Equal("357701******0001", shown.GetProperty("regions")[0].GetString());
        foreach (var column in new[] { "name", "birth_date", "sex", "phone", "kpj", "monthly_wage", "reported_wage" })
        {
            Assert.Equal(AuditJson.Withheld, shown.GetProperty(column).GetString());
        }

        Assert.Equal("35.77.01.1001", shown.GetProperty("region_code").GetString());
    }

    [Fact]
    public void An_agencys_or_employers_name_is_not_personal()
    {
        var json = """{"name":"Dinas Pendidikan","code":"DISDIK"}""";
        Assert.Contains("Dinas Pendidikan", AuditJson.Redact(json, "Agency", View(Auditor, export: false)), StringComparison.Ordinal);
        Assert.Contains("Dinas Pendidikan", AuditJson.Redact(json, "Employer", View(Auditor, export: false)), StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_columns_are_read_from_the_stored_rows()
    {
        Assert.Equal(["monthly_wage", "position"], AuditJson.ChangedColumns(
            """{"monthly_wage":2000000,"position":"Guru","category":"HONORER"}""",
            """{"monthly_wage":2500000,"position":"Guru Kelas","category":"HONORER"}"""));
        Assert.Empty(AuditJson.ChangedColumns(null, """{"name":"x"}"""));
    }
}
