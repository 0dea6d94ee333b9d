using CsCheck;
using Lindung.Domain.Contributions;
using static Lindung.Domain.Tests.Contributions.BuiltInRates;

namespace Lindung.Domain.Tests.Contributions;

/// <summary>Invariants over random inputs, run against the shipped rate book.</summary>
public class ContributionPropertyTests
{
    // Every month the built-in data covers for PU (2015-07 .. 2027-02), and for PMI (2023-02 ..).
    private static readonly Gen<ContributionMonth> PuMonth = Gen.Int[0, 139].Select(i => Month("2015-07").AddMonths(i));
    private static readonly Gen<ContributionMonth> PmiMonth = Gen.Int[0, 48].Select(i => Month("2023-02").AddMonths(i));
    private static readonly Gen<long> Wage = Gen.Long[1, 1_000_000_000_000];

    private static readonly Gen<IReadOnlyList<ContributionProgram>> Programs =
        Gen.Int[1, 15].Select(mask => (IReadOnlyList<ContributionProgram>)
            [.. new[] { ContributionProgram.Jkk, ContributionProgram.Jkm, ContributionProgram.Jht, ContributionProgram.Jp }
                .Where((_, bit) => (mask & (1 << bit)) != 0)]);

    private static readonly Gen<ContributionResult> AnyResult = Gen.OneOf(
        Gen.Select(PuMonth, Wage, Gen.Int[1, 5], Programs).Select(t =>
            PuCalculator.Calculate(new PuRequest(t.Item1, t.Item2, t.Item3, t.Item4), Book)),
        Gen.Select(PuMonth, Gen.Long[1_000_000, 1_000_000_000_000], Gen.Bool, Gen.Bool, Gen.Bool).Select(t =>
            BpuCalculator.Calculate(new BpuRequest(t.Item1, t.Item2, t.Item3, t.Item4 ? BpuSector.Transport : BpuSector.Other, t.Item5), Book)),
        Gen.Select(PuMonth, Gen.Long[1, 1_000_000_000_000_000]).Select(t =>
            JakonCalculator.Calculate(new JakonContractRequest(t.Item1, t.Item2), Book)),
        Gen.Select(PuMonth, Gen.Long[1, 1_000_000_000], Gen.Int[1, 10_000], Gen.Int[1, 120]).Select(t =>
            JakonCalculator.Calculate(new JakonWageRequest(t.Item1, t.Item2, t.Item3, t.Item4), Book)),
        Gen.Select(PmiMonth, Gen.Int[1, 600], Gen.Bool, Gen.Int[0, 7]).Select(t =>
            PmiCalculator.Calculate(new PmiRequest(t.Item1, t.Item2, t.Item4 == 0 ? null : new long[] { 50_000, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000 }[t.Item4 - 1], t.Item3), Book)));

    [Fact]
    public void Totals_equal_the_sum_of_billed_lines_and_notes_never_count() =>
        AnyResult.Sample(result =>
        {
            var billed = result.Lines.Where(l => !l.Note).ToList();
            Assert.Equal(billed.Sum(l => l.Amount), result.EmployerTotal + result.WorkerTotal);
            Assert.Equal(result.Total, result.EmployerTotal + result.WorkerTotal);
            Assert.DoesNotContain(billed, l => l.Payer == Payer.Government);
            Assert.All(result.Lines.Where(l => l.Note), n => Assert.Equal(ContributionProgram.Jkp, n.Program));
        });

    [Fact]
    public void Every_line_is_base_times_rate_rounded_half_up() =>
        AnyResult.Sample(result => Assert.All(result.Lines, line =>
        {
            var exact = line.Base * line.Rate / 100m;
            var error = line.Amount - exact;
            Assert.InRange(error, -0.5m, 0.5m);
            if (Math.Abs(error) == 0.5m)
            {
                Assert.True(error > 0, "a half rupiah rounds up");
            }

            Assert.True(line.Amount >= 0);
        }));

    [Fact]
    public void Jakon_is_monotonic_in_contract_value() =>
        Gen.Select(PuMonth, Gen.Long[1, 100_000_000_000], Gen.Long[0, 10_000_000_000]).Sample((month, value, more) =>
            Assert.True(
                JakonCalculator.Calculate(new JakonContractRequest(month, value), Book).Total
                <= JakonCalculator.Calculate(new JakonContractRequest(month, value + more), Book).Total));

    [Fact]
    public void PU_total_is_monotonic_in_wage() =>
        Gen.Select(PuMonth, Gen.Long[1, 50_000_000], Gen.Long[0, 50_000_000], Gen.Int[1, 5]).Sample((month, wage, raise, group) =>
        {
            ContributionResult Compute(long w) => PuCalculator.Calculate(PuRequest.ForBusinessSize(month, w, group, BusinessSize.Large), Book);
            var (low, high) = (Compute(wage), Compute(wage + raise));
            Assert.True(low.Total <= high.Total);
            Assert.True(low.EmployerTotal <= high.EmployerTotal);
            Assert.True(low.WorkerTotal <= high.WorkerTotal);
        });

    [Fact]
    public void JP_base_never_exceeds_the_cap_in_force() =>
        Gen.Select(PuMonth, Wage).Sample((month, wage) =>
        {
            var cap = Book.Find(RateParameters.PuJpWageCap, month)!.Value!.Value;
            var jp = PuCalculator.Calculate(new PuRequest(month, wage, 1, [ContributionProgram.Jp]), Book).Lines;
            Assert.All(jp, l => Assert.Equal(Math.Min(wage, (long)cap), l.Base));
        });
}
