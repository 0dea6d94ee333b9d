using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Budget;
using Lindung.Features.Villages;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Groups;

/// <summary>A group as the page or the API gives it; an agency operator's group is always its own agency's.</summary>
internal sealed record GroupInput(string? Name, string? Kind, Guid? AgencyId, string? VillageCode, string? Payer);

/// <summary>Creates an informal workers' group under an agency's programme, in the agency's regency. Audited.</summary>
internal sealed class CreateGroup(LindungDbContext db)
{
    public async Task<UseCaseResult<WorkerGroup>> HandleAsync(GroupInput input, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsIn(LindungRoles.RegionalAdmin) && !scope.OperatesAgency)
        {
            return GroupErrors.NotAllowed;
        }

        var agencyId = scope.OperatesAgency && !scope.IsIn(LindungRoles.RegionalAdmin) ? scope.AgencyId : input.AgencyId;
        var agency = agencyId is null ? null : await db.AgenciesFor(scope).AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        var refusals = new List<UseCaseError>();
        if (agency is null)
        {
            refusals.Add(GroupErrors.AgencyUnknown);
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            refusals.Add(GroupErrors.NameRequired);
        }
        else if (agency is not null && await db.WorkerGroups.AnyAsync(g => g.AgencyId == agency.Id && g.Name == name, ct))
        {
            refusals.Add(GroupErrors.NameTaken);
        }

        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(kind) || !await db.GroupKinds.AnyAsync(k => k.Code == kind, ct))
        {
            refusals.Add(GroupErrors.KindUnknown);
        }

        var village = string.IsNullOrWhiteSpace(input.VillageCode) ? null : input.VillageCode.Trim();
        if (village is not null && (!VillageAccess.IsVillage(village) || (agency is not null && VillageAccess.RegencyOf(village) != agency.RegionCode[..5])))
        {
            refusals.Add(GroupErrors.VillageInvalid);
        }

        var payer = ParsePayer(input.Payer);
        if (payer is null)
        {
            refusals.Add(GroupErrors.PayerInvalid);
        }

        if (refusals.Count > 0)
        {
            return UseCaseResult<WorkerGroup>.Refused([.. refusals]);
        }

        var group = new WorkerGroup { Name = name!, KindCode = kind!, AgencyId = agency!.Id, VillageCode = village, Payer = payer!.Value, RegionCode = agency.RegionCode[..5] };
        db.WorkerGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<WorkerGroup>.Ok(group);
    }

    public static BudgetPayer? ParsePayer(string? text) => (text?.Trim().ToUpperInvariant() ?? "SELF") switch
    {
        "" or "SELF" => BudgetPayer.Self,
        "APBD" => BudgetPayer.Apbd,
        "APBN" => BudgetPayer.Apbn,
        "SPONSOR" => BudgetPayer.Sponsor,
        "VILLAGE_FUND" => BudgetPayer.VillageFund,
        _ => null,
    };
}
