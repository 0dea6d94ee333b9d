using System.Globalization;
using Lindung.Domain.Contributions;

namespace Lindung.Domain.Budget;

/// <summary>
/// Turns a <see cref="BudgetScenarioDocument"/> into a <see cref="BudgetScenario"/>, or names every
/// field that is wrong and why. Checks that depend on a month's rates (the BPU minimum income, a
/// month with no rates) belong to <see cref="BudgetPlanner"/>.
/// </summary>
public static class BudgetScenarioReader
{
    public const int MaxGroups = 1_000;

    /// <summary>More people than Indonesia's workforce is a typing error, not a plan.</summary>
    public const long MaxCount = 200_000_000;

    public static (BudgetScenario? Scenario, IReadOnlyList<BudgetProblem> Problems) Read(BudgetScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<BudgetProblem>();

        if (!ContributionMonth.TryParse(document.From, out var from))
        {
            problems.Add(BudgetProblem.Of("from", "FROM_INVALID",
                $"Bulan awal harus berbentuk YYYY-MM, diberikan '{document.From}'",
                $"The first month must be YYYY-MM, got '{document.From}'"));
        }

        var months = document.Months ?? 0;
        if (months <= 0)
        {
            problems.Add(BudgetProblem.Of("months", "MONTHS_NOT_POSITIVE",
                $"Jumlah bulan harus lebih dari 0, diberikan {document.Months?.ToString(CultureInfo.InvariantCulture) ?? "kosong"}",
                $"The number of months must be greater than 0, got {document.Months?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}"));
        }
        else if (months > BudgetScenario.MaxMonths)
        {
            problems.Add(BudgetProblem.Of("months", "MONTHS_TOO_MANY",
                $"Rencana paling panjang {BudgetScenario.MaxMonths} bulan, diberikan {months}",
                $"A plan covers at most {BudgetScenario.MaxMonths} months, got {months}"));
        }

        var increase = document.WageIncreasePercent ?? 0m;
        if (increase is < 0m or > 100m)
        {
            problems.Add(BudgetProblem.Of("wage_increase_percent", "WAGE_INCREASE_INVALID",
                "Kenaikan upah harus antara 0 dan 100 persen",
                "The wage increase must be between 0 and 100 percent"));
        }

        if (document.JpCapGrowthPercent is < -20m or > 20m)
        {
            problems.Add(BudgetProblem.Of("jp_cap_growth_percent", "JP_CAP_GROWTH_INVALID",
                "Asumsi pertumbuhan batas upah JP harus antara -20 dan 20 persen",
                "The assumed JP wage cap growth must be between -20 and 20 percent"));
        }

        var groups = new List<BudgetGroup>();
        var roster = document.Roster is { } rosterDocument ? ReadRoster(rosterDocument, problems) : null;
        var villages = document.FosteredVillages is { } villagesDocument ? ReadVillages(villagesDocument, problems) : null;
        if (document.Groups is not { Count: > 0 } documents)
        {
            // The roster or the fostered villages alone are a whole plan.
            if (document.Roster is null && document.FosteredVillages is null)
            {
                problems.Add(BudgetProblem.Of("groups", "GROUPS_EMPTY",
                    "Skenario harus memuat paling sedikit satu kelompok pekerja atau staf dari roster",
                    "The scenario needs at least one group of workers, or the roster staff"));
            }
        }
        else if (documents.Count > MaxGroups)
        {
            problems.Add(BudgetProblem.Of("groups", "GROUPS_TOO_MANY",
                $"Skenario memuat paling banyak {MaxGroups} kelompok",
                $"A scenario holds at most {MaxGroups} groups"));
        }
        else
        {
            for (var i = 0; i < documents.Count; i++)
            {
                if (ReadGroup(documents[i], $"groups[{i.ToString(CultureInfo.InvariantCulture)}]", problems) is { } group)
                {
                    groups.Add(group);
                }
            }
        }

        return problems.Count > 0
            ? (null, problems)
            : (new BudgetScenario(from, months, groups, increase, document.JpCapGrowthPercent, roster, villages), problems);
    }

    private static BudgetVillageOptions? ReadVillages(BudgetVillagesDocument villages, List<BudgetProblem> problems)
    {
        var before = problems.Count;
        long? income = villages.Income is null ? null : RequiredAmount(villages.Income, "fostered_villages.income", "INCOME", "Penghasilan", "income", problems);
        var programs = ReadPrograms(villages.Programs, "fostered_villages.programs", Segment.Bpu, problems);
        var payer = villages.Payer is null ? BudgetPayer.Apbd : ReadPayer(villages.Payer, "fostered_villages.payer", problems);
        var occupation = ReadOccupation(villages.Occupation, "fostered_villages.occupation", problems);
        return problems.Count > before || payer is null ? null : new BudgetVillageOptions(income, programs, payer.Value, occupation);
    }

    private static BudgetRosterOptions? ReadRoster(BudgetRosterDocument roster, List<BudgetProblem> problems)
    {
        var before = problems.Count;
        var programs = roster.Programs is null or { Count: 0 }
            ? [ContributionProgram.Jkk, ContributionProgram.Jkm]
            : ReadPrograms(roster.Programs, "roster.programs", Segment.Pu, problems);
        var riskGroup = roster.RiskGroup ?? 1;
        if (riskGroup is < 1 or > 5)
        {
            problems.Add(BudgetProblem.Of("roster.risk_group", "RISK_GROUP_INVALID",
                "Kelompok risiko JKK harus 1 sampai 5", "The JKK risk group must be 1 to 5"));
        }

        var payer = roster.Payer is null ? BudgetPayer.Apbd : ReadPayer(roster.Payer, "roster.payer", problems);
        return problems.Count > before || payer is null ? null : new BudgetRosterOptions(programs, riskGroup, payer.Value);
    }

    private static BudgetGroup? ReadGroup(BudgetGroupDocument? group, string at, List<BudgetProblem> problems)
    {
        var before = problems.Count;
        if (group is null)
        {
            problems.Add(BudgetProblem.Of(at, "GROUP_EMPTY", "Kelompok kosong", "The group is empty"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(group.Name))
        {
            problems.Add(BudgetProblem.Of($"{at}.name", "NAME_EMPTY", "Nama kelompok wajib diisi", "The group needs a name"));
        }

        var segment = ReadSegment(group.Segment, $"{at}.segment", problems);
        if (group.Count is not > 0)
        {
            problems.Add(BudgetProblem.Of($"{at}.count", "COUNT_NOT_POSITIVE",
                "Jumlah pekerja harus lebih dari 0", "The number of workers must be greater than 0"));
        }
        else if (group.Count > MaxCount)
        {
            problems.Add(BudgetProblem.Of($"{at}.count", "COUNT_TOO_LARGE",
                $"Jumlah pekerja paling banyak {MaxCount:N0}", $"The number of workers is at most {MaxCount:N0}"));
        }

        var payer = ReadPayer(group.Payer, $"{at}.payer", problems);
        long amount = 0;
        int? riskGroup = null;
        var occupation = BpuSector.Other;
        IReadOnlyList<ContributionProgram> programs = [];
        if (segment == Segment.Pu)
        {
            amount = RequiredAmount(group.Wage, $"{at}.wage", "WAGE", "Upah", "wage", problems);
            NotForSegment(group.Income, $"{at}.income", "PU", problems);
            if (group.RiskGroup is not (>= 1 and <= 5))
            {
                problems.Add(BudgetProblem.Of($"{at}.risk_group", "RISK_GROUP_INVALID",
                    "Kelompok risiko JKK harus 1 sampai 5", "The JKK risk group must be 1 to 5"));
            }

            riskGroup = group.RiskGroup;
            programs = ReadPrograms(group.Programs, $"{at}.programs", Segment.Pu, problems);
        }
        else if (segment == Segment.Bpu)
        {
            amount = RequiredAmount(group.Income, $"{at}.income", "INCOME", "Penghasilan", "income", problems);
            NotForSegment(group.Wage, $"{at}.wage", "BPU", problems);
            NotForSegment(group.RiskGroup, $"{at}.risk_group", "BPU", problems);
            occupation = ReadOccupation(group.Occupation, $"{at}.occupation", problems);
            programs = ReadPrograms(group.Programs, $"{at}.programs", Segment.Bpu, problems);
        }

        return problems.Count > before || segment is null || payer is null
            ? null
            : new BudgetGroup(group.Name!.Trim(), segment.Value, (int)group.Count!.Value, amount, riskGroup, programs, payer.Value, occupation);
    }

    private static Segment? ReadSegment(string? text, string field, List<BudgetProblem> problems)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "PU":
                return Segment.Pu;
            case "BPU":
                return Segment.Bpu;
            case "JAKON" or "PMI":
                problems.Add(BudgetProblem.Of(field, "SEGMENT_NOT_PLANNED",
                    $"Segmen {text} tidak direncanakan per bulan: iuran Jasa Konstruksi dihitung per kontrak dan PMI per penempatan",
                    $"Segment {text} is not planned per month: construction is priced per contract and PMI per placement"));
                return null;
            default:
                problems.Add(BudgetProblem.Of(field, "SEGMENT_UNKNOWN",
                    $"Segmen harus PU atau BPU, diberikan '{text}'", $"The segment must be PU or BPU, got '{text}'"));
                return null;
        }
    }

    private static BudgetPayer? ReadPayer(string? text, string field, List<BudgetProblem> problems)
    {
        BudgetPayer? payer = text?.Trim().ToUpperInvariant() switch
        {
            "APBD" => BudgetPayer.Apbd,
            "APBN" => BudgetPayer.Apbn,
            "SPONSOR" => BudgetPayer.Sponsor,
            "SELF" => BudgetPayer.Self,
            "VILLAGE_FUND" => BudgetPayer.VillageFund,
            _ => null,
        };
        if (payer is null)
        {
            problems.Add(BudgetProblem.Of(field, "PAYER_UNKNOWN",
                $"Pembayar harus APBD, APBN, SPONSOR, SELF atau VILLAGE_FUND, diberikan '{text}'",
                $"The payer must be APBD, APBN, SPONSOR, SELF or VILLAGE_FUND, got '{text}'"));
        }

        return payer;
    }

    private static BpuSector ReadOccupation(string? text, string field, List<BudgetProblem> problems)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "other":
                return BpuSector.Other;
            case "transport":
                return BpuSector.Transport;
            default:
                problems.Add(BudgetProblem.Of(field, "OCCUPATION_UNKNOWN",
                    $"Pekerjaan harus transport atau other, diberikan '{text}'",
                    $"The occupation must be transport or other, got '{text}'"));
                return BpuSector.Other;
        }
    }

    private static long RequiredAmount(long? value, string field, string code, string indonesian, string english, List<BudgetProblem> problems)
    {
        if (value is null)
        {
            problems.Add(BudgetProblem.Of(field, code + "_REQUIRED", $"{indonesian} sebulan wajib diisi", $"The monthly {english} is required"));
            return 0;
        }

        if (value <= 0)
        {
            problems.Add(BudgetProblem.Of(field, code + "_NOT_POSITIVE", $"{indonesian} harus lebih dari 0", $"The {english} must be greater than 0"));
        }
        else if (value > 1_000_000_000_000)
        {
            problems.Add(BudgetProblem.Of(field, code + "_TOO_LARGE", $"{indonesian} lebih dari Rp1 triliun sebulan", $"The {english} is over Rp1 trillion a month"));
        }

        return value.Value;
    }

    private static void NotForSegment<T>(T? value, string field, string segment, List<BudgetProblem> problems)
        where T : struct
    {
        if (value is not null)
        {
            problems.Add(BudgetProblem.Of(field, "FIELD_NOT_FOR_SEGMENT",
                $"Isian ini tidak berlaku untuk segmen {segment}", $"This field does not apply to segment {segment}"));
        }
    }

    private static List<ContributionProgram> ReadPrograms(IReadOnlyList<string?>? names, string field, Segment segment, List<BudgetProblem> problems)
    {
        if (names is null or { Count: 0 })
        {
            if (segment == Segment.Bpu)
            {
                return [ContributionProgram.Jkk, ContributionProgram.Jkm];
            }

            problems.Add(BudgetProblem.Of(field, "PROGRAMS_REQUIRED",
                "Program PU wajib diisi, misalnya JKK, JKM, JHT, JP", "PU programs are required, e.g. JKK, JKM, JHT, JP"));
            return [];
        }

        var allowed = segment == Segment.Pu ? "JKK, JKM, JHT, JP" : "JKK, JKM, JHT";
        var programs = new List<ContributionProgram>();
        foreach (var name in names)
        {
            ContributionProgram? program = name?.Trim().ToUpperInvariant() switch
            {
                "JKK" => ContributionProgram.Jkk,
                "JKM" => ContributionProgram.Jkm,
                "JHT" => ContributionProgram.Jht,
                "JP" when segment == Segment.Pu => ContributionProgram.Jp,
                _ => null,
            };
            if (program is null || programs.Contains(program.Value))
            {
                problems.Add(BudgetProblem.Of(field, "PROGRAMS_INVALID",
                    $"Program harus berupa daftar tanpa duplikat dari {allowed}, diberikan '{name}'",
                    $"Programs must be a list without repeats drawn from {allowed}, got '{name}'"));
                return programs;
            }

            programs.Add(program.Value);
        }

        if (segment == Segment.Bpu && !(programs.Contains(ContributionProgram.Jkk) && programs.Contains(ContributionProgram.Jkm)))
        {
            problems.Add(BudgetProblem.Of(field, "PROGRAMS_INVALID",
                "Peserta BPU selalu ikut JKK dan JKM; JHT boleh ditambahkan",
                "A BPU participant is always in JKK and JKM; JHT may be added"));
        }

        return programs;
    }
}
