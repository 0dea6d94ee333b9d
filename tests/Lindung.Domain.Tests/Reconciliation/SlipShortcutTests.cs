using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Reconciliation;

/// <summary>
/// The search skips the dates one digit away once a match is certain; that must never change a
/// result. A crowded extract (few names, few days, three districts) puts namesakes on slipped dates
/// beside most rows, so the shortcut is taken, refused and undone many times over.
/// </summary>
public class SlipShortcutTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly string[] Districts = ["35.77.01", "35.77.02", "35.19.01"];
    private static readonly string[] Given = ["Andi", "Siti", "Budi", "Dewi", "Eko", "Rina"];
    private static readonly string[] Family = ["Santoso", "Aminah", "Wibowo", "Lestari", string.Empty];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Skipping_the_slipped_dates_gives_the_full_searchs_results(int seed)
    {
        var random = new Random(seed);
        var members = Enumerable.Range(0, 3000).Select(i => Person(random, i)).ToList();
        var index = MemberIndex.Build(members, new NikValidator(AreaDirectory.Embedded), Today);
        var roster = Enumerable.Range(0, 3000).Select(i => Row(random, i, members)).ToList();

        var full = new Reconciler(index, ReconcileSettings.Default) { SlipShortcut = false }.Run(roster);
        var quick = new Reconciler(index, ReconcileSettings.Default).Run(roster);

        Assert.Contains(full, r => r.Method == MatchMethod.NameDob);
        Assert.Contains(full, r => r.Outcome == ReconcileOutcome.NeedsReview);
        Assert.Equal(full.Select(Describe), quick.Select(Describe));
    }

    private static string Describe(ReconcileResult r) =>
        FormattableString.Invariant($"{r.Roster.Row} {r.Outcome} {r.Method} {r.Kpj} {r.Score:R} {string.Join('|', r.Candidates.Select(c => $"{c.Kpj}:{c.Score:R}"))}");

    private static MemberRecord Person(Random random, int i)
    {
        var sex = random.Next(2) == 0 ? Sex.L : Sex.P;
        var born = new DateOnly(1990, 1, 1).AddDays(random.Next(60));
        var district = Districts[random.Next(Districts.Length)];
        var name = $"{Given[random.Next(Given.Length)]} {Family[random.Next(Family.Length)]}".Trim();
        return new MemberRecord($"9{i:D10}", Nik.Compose(district, born, sex, 1 + i), name, born, sex, true, ProgramSet.Jkk | ProgramSet.Jkm, 2_000_000);
    }

    /// <summary>A member as written on a roster without NIK (now and then on a slipped date or elsewhere), or a stranger.</summary>
    private static RosterRecord Row(Random random, int i, List<MemberRecord> members)
    {
        var person = random.Next(4) == 0 ? Person(random, 5_000 + i) : members[random.Next(members.Count)];
        var born = person.BirthDate!.Value;
        born = random.Next(5) == 0 ? born.AddDays(random.Next(2) == 0 ? 1 : 10) : born;
        var area = random.Next(6) switch { 0 => null, 1 => Districts[random.Next(Districts.Length)], _ => $"{person.Nik[..2]}.{person.Nik[2..4]}.{person.Nik[4..6]}" };
        return new RosterRecord(2 + i, string.Empty, person.Name, born, person.Sex, area, null);
    }
}
