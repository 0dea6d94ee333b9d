using System.Net.Mail;
using Lindung.Application;
using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Validation;
using Lindung.Features.Api;
using Lindung.Features.Villages;
using Lindung.Security;
using Microsoft.EntityFrameworkCore;

namespace Lindung.Features.Sponsors;

/// <summary>A sponsor as the admin's form or the API gives it: kind is <c>csr</c>, <c>zakat</c>, <c>official</c>, <c>agency</c> or <c>other</c>.</summary>
internal sealed record SponsorInput(string? Name, string? Kind, string? AccountEmail, string? RegionCode, IReadOnlyList<string>? Villages);

/// <summary>
/// Registers a sponsor (bapak asuh) in a regency of the admin's regions, with the account that signs in
/// as it and the villages whose waiting workers it wants to see (of that regency only). Audited.
/// </summary>
internal sealed class SaveSponsor(LindungDbContext db)
{
    public const int MaxVillages = 50;

    public async Task<UseCaseResult<Sponsor>> HandleAsync(SponsorInput input, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsIn(LindungRoles.RegionalAdmin))
        {
            return SponsorErrors.NotAllowed;
        }

        var refusals = new List<UseCaseError>();
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            refusals.Add(SponsorErrors.NameRequired);
        }

        var kind = ParseKind(input.Kind);
        if (kind is null)
        {
            refusals.Add(UseCaseError.Of(
                "SPONSOR_KIND_INVALID", "Jenis bapak asuh: csr, zakat, official, agency atau other.", "Sponsor kind: csr, zakat, official, agency or other.", "kind"));
        }

        var errors = new Dictionary<string, ValidationError>();
        var region = Fields.Region(input.RegionCode, scope, inScope: true, "region", errors);
        refusals.AddRange(errors.Select(e => new UseCaseError(e.Value, e.Key)));
        var regency = region?[..5];

        var email = SponsorAccess.Normalise(input.AccountEmail);
        if (email.Length > 0 && (email.Length > 256 || !MailAddress.TryCreate(email, out _)))
        {
            refusals.Add(SponsorErrors.EmailInvalid);
        }
        else if (email.Length > 0 && await db.Sponsors.AnyAsync(s => s.AccountEmail == email, ct))
        {
            refusals.Add(SponsorErrors.EmailTaken);
        }

        var villages = (input.Villages ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var village in villages.Where(v => !VillageAccess.IsVillage(v) || (regency is not null && !v.StartsWith(regency, StringComparison.Ordinal))))
        {
            refusals.Add(SponsorErrors.VillageInvalid(village));
        }

        if (villages.Count > MaxVillages)
        {
            refusals.Add(SponsorErrors.VillageInvalid($"({villages.Count} > {MaxVillages})"));
        }

        if (refusals.Count > 0)
        {
            return UseCaseResult<Sponsor>.Refused([.. refusals]);
        }

        var sponsor = new Sponsor
        {
            Name = name!,
            Kind = kind!.Value,
            AccountEmail = email.Length > 0 ? email : null,
            VillageCodes = villages,
            RegionCode = regency!,
        };
        db.Sponsors.Add(sponsor);
        await db.SaveChangesAsync(ct);
        return UseCaseResult<Sponsor>.Ok(sponsor);
    }

    public static SponsorKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "csr" => SponsorKind.Csr,
        "zakat" => SponsorKind.Zakat,
        "official" => SponsorKind.Official,
        "agency" => SponsorKind.Agency,
        "other" => SponsorKind.Other,
        _ => null,
    };
}
