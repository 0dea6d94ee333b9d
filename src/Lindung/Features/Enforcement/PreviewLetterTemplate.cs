using System.Globalization;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Areas;
using Lindung.Features.Shared;
using Lindung.Security;

namespace Lindung.Features.Enforcement;

/// <summary>
/// "Pratinjau": the letter a template would give today for an example employer of the regency — its
/// branch, stage rule, deadline on its calendar — as a PDF, checked exactly as a save is and stored nowhere.
/// </summary>
internal sealed class PreviewLetterTemplate(LindungDbContext db, EnforcementLetters letters, TimeProvider clock)
{
    public const string SampleEmployer = "PT Contoh Sejahtera";

    public async Task<UseCaseResult<byte[]>> HandleAsync(LetterTemplateInput input, AccessScope scope, CancellationToken ct)
    {
        var region = input.AppliesTo?.Trim() ?? string.Empty;
        if (region.Length != 5 || AreaDirectory.Embedded.Find(region) is null || !scope.Covers(region))
        {
            return ManageEnforcementCalendar.RegionInvalid;
        }

        var checkedTemplate = SaveLetterTemplate.Check(input);
        if (!checkedTemplate.Succeeded)
        {
            return UseCaseResult<byte[]>.Refused([.. checkedTemplate.Errors]);
        }

        var (kind, template) = checkedTemplate.Value;
        var today = clock.Today();
        var stage = Enum.GetValues<Domain.Enforcement.EnforcementStage>().First(s => EnforcementLetters.KindFor(s) == kind);
        var rule = (await EnforcementCalendar.RulesForRegionAsync(db, region, ct)).Rule(stage);
        var calendar = await EnforcementCalendar.ForRegionAsync(db, region, ct);
        var sample = new EnforcementCase
        {
            Number = string.Create(CultureInfo.InvariantCulture, $"PK/{region}/{today.Year}/0001"),
            Npp = "12345678",
            Violations = "PDS_WORKERS",
            Evidence = "[]",
            OpenedOn = today.AddDays(-30),
            DueOn = rule.DueOn(today, calendar),
            ProsecutorRegion = region,
            SkkNumber = string.Create(CultureInfo.InvariantCulture, $"SKK/001/{today.Year}"),
            SkkDate = today,
            StateAttorney = "Contoh Nama, S.H.",
            OpenedBy = scope.UserName,
            RegionCode = region,
        };
        var (place, office) = await letters.SenderAsync(region, today, ct);
        var values = EnforcementLetters.Values(sample, new Employer { Name = SampleEmployer, RegionCode = region }, rule, place, office);
        var number = string.Create(CultureInfo.InvariantCulture, $"000/CONTOH/{region}/{today.Year}");
        var content = EnforcementLetters.Compose(template, values, number, today, ["Contoh temuan: 12 pekerja belum terdaftar sebagai peserta (PDS Tenaga Kerja)."]);
        return UseCaseResult<byte[]>.Ok(EnforcementLetterPdf.Render(content));
    }
}
