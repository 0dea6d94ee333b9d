using Lindung.Data;
using Lindung.Data.Entities;
using Lindung.Domain.Rosters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lindung.Tests.Data;

/// <summary>
/// Rules over the EF model itself, checked for both providers' contexts. Every registry table
/// (the entity classes in Lindung.Data.Entities) carries an indexed, required region code, the
/// future shard key. Exempt: the Identity tables; a user's scope is a list of regions, and users
/// will be a Citus reference table replicated to every node, and so will the few shared lists (<see cref="ReferenceTypes"/>).
/// </summary>
public sealed class RegistryModelTests
{
    private static readonly Type[] RegistryTypes =
    [
        typeof(Agency), typeof(Employer), typeof(Worker), typeof(Employment), typeof(Membership),
        typeof(MembershipExtract), typeof(CoverageTarget), typeof(AuditEvent), typeof(ApiKey),
        typeof(ImportBatch), typeof(ImportJob), typeof(ReconciliationRun), typeof(ReconciliationResult), typeof(MatchDecision),
        typeof(CoverageSnapshot), typeof(CoverageThresholdSetting), typeof(WorkingPopulation),
        typeof(ImportUndoWorker), typeof(ImportUndoEmployment), typeof(ImportUndoMembership),
        typeof(BranchOffice), typeof(BranchWorkingArea), typeof(LicenceCheck), typeof(LicenceRuleVersion),
        typeof(Contract), typeof(ContractStage), typeof(ContractWorker), typeof(PaymentGateCheck), typeof(ComplianceCertificate),
        typeof(VillageAssignment), typeof(VillageProfile), typeof(ReplaceLimitSetting), typeof(Sponsor), typeof(Sponsorship), typeof(SponsoredMonth),
        typeof(WorkerGroup), typeof(GroupMember), typeof(FieldLead),
        typeof(EnforcementCase), typeof(EnforcementStep), typeof(EnforcementLetter), typeof(EnforcementLetterTemplate), typeof(BenefitClaim),
        typeof(Ticket), typeof(TicketMessage), typeof(TicketAttachment),
    ];

    /// <summary>Small lists every region shares (the kinds of group, days off, enforcement stage settings): Citus reference tables, without a region code.</summary>
    private static readonly Type[] ReferenceTypes = [typeof(GroupKind), typeof(DayOff), typeof(EnforcementStageSetting)];

    public static TheoryData<string> Providers => new(nameof(DatabaseProvider.Sqlite), nameof(DatabaseProvider.Postgres));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_registry_table_has_an_indexed_required_region_code(string provider)
    {
        var model = DesignTimeModel(provider);
        var registry = model.GetEntityTypes()
            .Where(t => t.ClrType.Namespace == typeof(Worker).Namespace && t.ClrType != typeof(LindungUser) && !ReferenceTypes.Contains(t.ClrType))
            .ToList();

        Assert.Equal(RegistryTypes.Select(t => t.Name).Order(), registry.Select(t => t.ClrType.Name).Order());
        Assert.All(registry, entityType =>
        {
            var regionCode = entityType.FindProperty(nameof(IRegionScoped.RegionCode));
            Assert.True(regionCode is not null, $"{entityType.ClrType.Name} has no RegionCode");
            Assert.False(regionCode.IsNullable, $"{entityType.ClrType.Name}.RegionCode is nullable");
            Assert.Equal("region_code", regionCode.GetColumnName());
            Assert.True(
                entityType.GetIndexes().Any(i => i.Properties[0] == regionCode),
                $"{entityType.ClrType.Name} has no index starting with region_code");
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_table_and_column_is_snake_case(string provider)
    {
        var model = DesignTimeModel(provider);

        Assert.All(model.GetEntityTypes(), entityType =>
        {
            Assert.Matches("^[a-z_]+$", entityType.GetTableName());
            Assert.All(entityType.GetProperties(), p => Assert.Matches("^[a-z0-9_]+$", p.GetColumnName()));
        });
    }

    [Theory]
    [InlineData(typeof(WorkerCategory), WorkerCategory.PenyelenggaraPemilu, "PENYELENGGARA_PEMILU")]
    [InlineData(typeof(SocialSecurityScheme), SocialSecurityScheme.BpjsTk, "BPJS_TK")]
    [InlineData(typeof(FundingSource), FundingSource.DanaDesa, "DANA_DESA")]
    [InlineData(typeof(AgencyKind), AgencyKind.Rsud, "RSUD")]
    [InlineData(typeof(ProgramSet), ProgramSet.Jkk | ProgramSet.Jp | ProgramSet.Jkp, "JKK,JP,JKP")]
    [InlineData(typeof(ProgramSet), ProgramSet.None, "")]
    public void Enum_codes_round_trip(Type enumType, object value, string code)
    {
        var converter = (ValueConverter)
            Activator.CreateInstance(typeof(EnumCodeConverter<>).MakeGenericType(enumType))!;

        Assert.Equal(code, converter.ConvertToProvider(value));
        Assert.Equal(value, converter.ConvertFromProvider(code));
    }

    private static IModel DesignTimeModel(string provider)
    {
        using LindungDbContext db = provider == nameof(DatabaseProvider.Sqlite)
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IDesignTimeModel>().Model;
    }
}
