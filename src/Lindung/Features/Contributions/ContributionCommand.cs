using System.CommandLine;
using System.Text.Json;
using Lindung.Cli;
using Lindung.Domain.Contributions;

namespace Lindung.Features.Contributions;

/// <summary>
/// <c>lindung contribution --segment PU|BPU|JAKON|PMI --month YYYY-MM …</c>: computes one
/// contribution with the rates in force for the month and prints it as JSON.
/// </summary>
internal static class ContributionCommand
{
    public static Command Create(CliConsole console)
    {
        var o = new ContributionOptions();
        var command = new Command("contribution", "Compute a BPJS Ketenagakerjaan contribution (iuran) with the rates in force for a month.");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var book = RateBookLoader.Load(GlobalOptions.ResolveDataDirectory(parse));
            var report = Compute(o, parse, book);
            await console.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.SerializerOptions).AsMemory(), ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ContributionReport Compute(ContributionOptions o, ParseResult parse, RateBook book)
    {
        var segment = ParseSegment(parse.GetValue(o.Segment));
        var monthText = parse.GetValue(o.Month);
        if (!ContributionMonth.TryParse(monthText, out var month))
        {
            throw new UsageException($"--month must be YYYY-MM, got '{monthText}'.");
        }

        o.RejectOptionsOutside(segment, parse);
        try
        {
            var (input, result) = segment switch
            {
                Segment.Pu => Pu(o, parse, month, book),
                Segment.Bpu => Bpu(o, parse, month, book),
                Segment.Jakon => Jakon(o, parse, month, book),
                _ => Pmi(o, parse, month, book),
            };
            return ContributionReport.From(segment, input, result);
        }
        catch (ContributionException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static (object, ContributionResult) Pu(ContributionOptions o, ParseResult parse, ContributionMonth month, RateBook book)
    {
        var wage = Required(parse, o.Wage, Segment.Pu);
        var riskGroup = Required(parse, o.RiskGroup, Segment.Pu);
        var programs = parse.GetValue(o.Programs);
        var size = parse.GetValue(o.BusinessSize);
        var request = (programs, size) switch
        {
            (not null, not null) => throw new UsageException("Give either --programs or --business-size, not both."),
            (null, null) => throw new UsageException("Segment PU needs --programs (e.g. JKK,JKM,JHT,JP) or --business-size micro|small|medium|large."),
            (not null, null) => new PuRequest(month, wage, riskGroup, ParsePrograms(programs)),
            _ => PuRequest.ForBusinessSize(month, wage, riskGroup, ParseEnum<BusinessSize>(size!, "--business-size", "micro|small|medium|large")),
        };
        return (request, PuCalculator.Calculate(request, book));
    }

    private static (object, ContributionResult) Bpu(ContributionOptions o, ParseResult parse, ContributionMonth month, RateBook book)
    {
        var sector = parse.GetValue(o.Sector) is { } s ? ParseEnum<BpuSector>(s, "--sector", "transport|other") : BpuSector.Other;
        var request = new BpuRequest(month, Required(parse, o.Income, Segment.Bpu), parse.GetValue(o.Jht), sector, parse.GetValue(o.PaidByBudget));
        return (request, BpuCalculator.Calculate(request, book));
    }

    private static (object, ContributionResult) Jakon(ContributionOptions o, ParseResult parse, ContributionMonth month, RateBook book)
    {
        var contractValue = parse.GetValue(o.ContractValue);
        var wageMethod = parse.GetValue(o.Wages) is not null || parse.GetValue(o.Workers) is not null || parse.GetValue(o.Months) is not null;
        if (contractValue is not null && wageMethod)
        {
            throw new UsageException("Segment JAKON takes either --contract-value or --wages/--workers/--months, not both.");
        }

        if (contractValue is { } value)
        {
            var byValue = new JakonContractRequest(month, value);
            return (byValue, JakonCalculator.Calculate(byValue, book));
        }

        if (!wageMethod)
        {
            throw new UsageException("Segment JAKON needs --contract-value N, or --wages N --workers N --months N.");
        }

        var byWage = new JakonWageRequest(month, Required(parse, o.Wages, Segment.Jakon), Required(parse, o.Workers, Segment.Jakon), Required(parse, o.Months, Segment.Jakon));
        return (byWage, JakonCalculator.Calculate(byWage, book));
    }

    private static (object, ContributionResult) Pmi(ContributionOptions o, ParseResult parse, ContributionMonth month, RateBook book)
    {
        var request = new PmiRequest(month, Required(parse, o.ContractMonths, Segment.Pmi), parse.GetValue(o.JhtAmount), parse.GetValue(o.PlacementAgency));
        return (request, PmiCalculator.Calculate(request, book));
    }

    private static T Required<T>(ParseResult parse, Option<T?> option, Segment segment)
        where T : struct =>
        parse.GetValue(option) ?? throw new UsageException($"Segment {SegmentName(segment)} needs {option.Name}.");

    private static Segment ParseSegment(string? text) =>
        text?.ToUpperInvariant() switch
        {
            "PU" => Segment.Pu,
            "BPU" => Segment.Bpu,
            "JAKON" => Segment.Jakon,
            "PMI" => Segment.Pmi,
            _ => throw new UsageException($"--segment must be PU, BPU, JAKON or PMI, got '{text}'."),
        };

    internal static string SegmentName(Segment segment) => segment.ToString().ToUpperInvariant();

    private static List<ContributionProgram> ParsePrograms(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.ToUpperInvariant() switch
            {
                "JKK" => ContributionProgram.Jkk,
                "JKM" => ContributionProgram.Jkm,
                "JHT" => ContributionProgram.Jht,
                "JP" => ContributionProgram.Jp,
                _ => throw new UsageException($"--programs: unknown program '{p}' (use JKK, JKM, JHT, JP)."),
            })];

    private static T ParseEnum<T>(string text, string option, string allowed)
        where T : struct, Enum =>
        // Match the documented names only: Enum.TryParse alone would also accept "1" or "Micro, Small".
        allowed.Split('|').Contains(text, StringComparer.OrdinalIgnoreCase)
            ? Enum.Parse<T>(text, ignoreCase: true)
            : throw new UsageException($"{option} must be {allowed}, got '{text}'.");
}
