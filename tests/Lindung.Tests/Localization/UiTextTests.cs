using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Contributions;
using Lindung.Domain.Identifiers;
using Lindung.Features.Shared;
using Lindung.Localization;

namespace Lindung.Tests.Localization;

/// <summary>Pages build some keys from enum values and roles; each must have both languages.</summary>
public sealed class UiTextTests
{
    public static TheoryData<string> DerivedKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var key in Enum.GetValues<WorkerCategory>().Select(v => Labels.Key("category", v))
            .Concat(Enum.GetValues<AgencyKind>().Select(v => Labels.Key("kind", v)))
            .Concat(Enum.GetValues<Sex>().Select(v => Labels.Key("sex", v)))
            .Concat(Enum.GetValues<SocialSecurityScheme>().Select(v => Labels.Key("scheme", v)))
            .Concat(Enum.GetValues<BusinessSize>().Select(v => Labels.Key("size", v)))
            .Concat(Enum.GetValues<Lindung.Domain.Procurement.ContractKind>().Select(v => Labels.Key("contract-kind", v)))
            .Concat(LindungRoles.All.Select(r => $"role.{r}"))
            .Concat(Enumerable.Range(1, 5).Select(g => $"risk.{g}"))
            .Concat(Enum.GetValues<MembershipState>().Select(s => s.Key()))
            .Concat(Enum.GetValues<AuditAction>().Select(Lindung.Features.Audit.IndexModel.ActionKey))
            .Concat(Lindung.Features.Enforcement.LetterTemplates.Kinds.Select(k => "enf.letter." + Lindung.Features.Enforcement.LetterTemplates.Code(k)))
            .Concat(Lindung.Features.Enforcement.LetterTemplates.Kinds.SelectMany(Lindung.Features.Enforcement.LetterTemplates.Placeholders).Distinct().Select(p => $"enf.templates.ph.{p}"))
            .Concat(new[]
            {
                Lindung.Domain.Compliance.ComplianceRules.NotRegistered, Lindung.Domain.Compliance.ComplianceRules.Arrears,
                Lindung.Domain.Compliance.ComplianceRules.PdsWorkers, Lindung.Domain.Compliance.ComplianceRules.PdsWage,
                Lindung.Domain.Compliance.ComplianceRules.PdsProgram, Lindung.Domain.Compliance.ComplianceRules.Sanctioned,
            }.Select(code => $"finding.{code}")))
        {
            keys.Add(key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(DerivedKeys))]
    public void Derived_key_has_Indonesian_and_English_text(string key) =>
        Assert.Contains(key, UiText.Keys);
}
