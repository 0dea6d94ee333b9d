using System.Globalization;
using Lindung.Domain.Budget;

namespace Lindung.Features.Budget;

/// <summary>The budget page's form: the scenario's settings and one row per group, blank rows ignored.</summary>
internal sealed class BudgetForm
{
    public const int BlankRows = 1;

    public string From { get; set; } = string.Empty;

    public int? Months { get; set; } = 12;

    public decimal? WageIncreasePercent { get; set; }

    public decimal? JpCapGrowthPercent { get; set; }

    public List<BudgetFormRow> Groups { get; set; } = [];

    /// <summary>Add the agencies' non-ASN staff at their roster wages (PU), with these programs, risk group and payer.</summary>
    public bool IncludeRoster { get; set; }

    public List<string> RosterPrograms { get; set; } = ["JKK", "JKM"];

    public int RosterRiskGroup { get; set; } = 1;

    public string RosterPayer { get; set; } = "APBD";

    /// <summary>Add the vulnerable workers still waiting in the fostered villages (BPU), at this income (empty: the minimum in force).</summary>
    public bool IncludeVillages { get; set; }

    public long? VillagesIncome { get; set; }

    public List<string> VillagesPrograms { get; set; } = ["JKK", "JKM"];

    public string VillagesPayer { get; set; } = "APBD";

    public string VillagesOccupation { get; set; } = "other";

    /// <summary>Next year, the two kinds of group a Pemda plans first: a vulnerable workers' programme and its own non-ASN staff.</summary>
    public static BudgetForm Example(DateOnly today) => new()
    {
        From = new DateOnly(today.Year + 1, 1, 1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Groups =
        [
            new() { Name = "Guru ngaji", Segment = "BPU", Count = 100, Amount = 1_000_000, Programs = ["JKK", "JKM"], Payer = "APBD" },
            new() { Name = "Honorer DLH", Segment = "PU", Count = 50, Amount = 2_500_000, RiskGroup = 3, Programs = ["JKK", "JKM", "JHT", "JP"], Payer = "APBD" },
        ],
    };

    /// <summary>The rows as typed plus <see cref="BlankRows"/> empty one to add a group without a script.</summary>
    public void PadWithBlankRows()
    {
        Groups.RemoveAll(r => r.IsBlank);
        for (var i = 0; i < BlankRows; i++)
        {
            Groups.Add(new BudgetFormRow());
        }
    }

    /// <summary>The scenario the filled rows describe, and for each of its groups the form row it came from.</summary>
    public (BudgetScenarioDocument Document, IReadOnlyList<int> Rows) ToDocument()
    {
        var rows = Groups.Select((row, index) => (row, index)).Where(x => !x.row.IsBlank).ToList();
        var document = new BudgetScenarioDocument
        {
            From = From,
            Months = Months,
            WageIncreasePercent = WageIncreasePercent,
            JpCapGrowthPercent = JpCapGrowthPercent,
            Groups = [.. rows.Select(x => x.row.ToDocument())],
            Roster = IncludeRoster ? new BudgetRosterDocument { Programs = RosterPrograms, RiskGroup = RosterRiskGroup, Payer = RosterPayer } : null,
            FosteredVillages = IncludeVillages
                ? new BudgetVillagesDocument { Income = VillagesIncome, Programs = VillagesPrograms, Payer = VillagesPayer, Occupation = VillagesOccupation }
                : null,
        };
        return (document, [.. rows.Select(x => x.index)]);
    }
}

/// <summary>One group as the form holds it: one amount field read as the wage (PU) or the declared income (BPU).</summary>
internal sealed class BudgetFormRow
{
    public string? Name { get; set; }

    public string Segment { get; set; } = "BPU";

    public long? Count { get; set; }

    public long? Amount { get; set; }

    public int? RiskGroup { get; set; }

    public List<string> Programs { get; set; } = [];

    public string Payer { get; set; } = "APBD";

    public string Occupation { get; set; } = "other";

    public bool IsBlank => string.IsNullOrWhiteSpace(Name) && Count is null && Amount is null;

    public BudgetGroupDocument ToDocument()
    {
        var pu = string.Equals(Segment, "PU", StringComparison.OrdinalIgnoreCase);
        return new BudgetGroupDocument
        {
            Name = Name,
            Segment = Segment,
            Count = Count,
            Wage = pu ? Amount : null,
            Income = pu ? null : Amount,
            RiskGroup = pu ? RiskGroup : null,
            Programs = Programs.Count > 0 ? Programs : null,
            Payer = Payer,
            Occupation = pu ? null : Occupation,
        };
    }
}
