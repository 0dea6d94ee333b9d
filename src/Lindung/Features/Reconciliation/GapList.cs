using Lindung.Domain.Reconciliation;

namespace Lindung.Features.Reconciliation;

/// <summary>One worker's gap, priced; the personal fields the viewer may not see are null (<see cref="Security.PersonalDataPolicy"/>).</summary>
internal sealed record GapLine(
    string Agency, Guid WorkerId, string? WorkerName, string? Nik, string? Kpj, GapKind Kind, long? RosterWage, long? ReportedWage, long Monthly);

/// <summary>Per agency and gap: how many workers and the monthly contribution that closes it.</summary>
internal sealed record GapTotal(string Agency, GapKind Kind, int Workers, long Monthly);

/// <summary>Groups gap lines into totals; the app's gap list and <c>lindung reconcile --report</c> both call it.</summary>
internal static class GapList
{
    public static IReadOnlyList<GapKind> Kinds { get; } = Enum.GetValues<GapKind>();

    /// <summary>The stable code of a gap, as the reconciliation outcome or coverage gap that causes it.</summary>
    public static string Code(GapKind kind) => kind switch
    {
        GapKind.Register => ReconcileCodes.Of(ReconcileOutcome.NotRegistered),
        GapKind.Reactivate => ReconcileCodes.Of(ReconcileOutcome.CoveredInactive),
        GapKind.CorrectWage => ReconcileCodes.Of(CoverageGap.WageUnderreported),
        GapKind.CompletePrograms => ReconcileCodes.Of(CoverageGap.ProgramMissing),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The ui-text key of a gap's label.</summary>
    public static string LabelKey(GapKind kind) => "gap." + Code(kind);

    /// <summary>Every (agency, gap) pair that has workers, in agency then gap order.</summary>
    public static IReadOnlyList<GapTotal> Summarize(IEnumerable<(string Agency, GapKind Kind, long Monthly)> gaps) =>
        [.. gaps
            .GroupBy(g => (g.Agency, g.Kind))
            .Select(g => new GapTotal(g.Key.Agency, g.Key.Kind, g.Count(), g.Sum(x => x.Monthly)))
            .OrderBy(t => t.Agency, StringComparer.CurrentCulture)
            .ThenBy(t => t.Kind)];
}
