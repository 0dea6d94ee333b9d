using CsCheck;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Domain.Tests.Reconciliation;

/// <summary>
/// The NIK-only pass streams the roster and indexes only the members the roster names; both
/// shortcuts must give exactly what the whole-index, whole-roster run gives.
/// </summary>
public class NikOnlyTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly NikValidator Validator = new(AreaDirectory.Embedded);
    private static readonly ReconcileSettings NikOnly = ReconcileSettings.Default with { NikOnly = true };
    private const ProgramSet Full = ProgramSet.Jkk | ProgramSet.Jkm | ProgramSet.Jht;

    // Two KPJs share a NIK (the inactive first, the active later), as old cards do.
    private static readonly MemberRecord[] Members =
    [
        new("11111111111", "3577011203900001", "Budi Santoso", new(1990, 3, 12), Sex.L, true, Full, 3_000_000),
        new("22222222222", "3577015506850003", "Siti Aminah", new(1985, 6, 15), Sex.P, true, Full, 2_500_000),
        new("33333333333", "3577010101800001", "Muhammad Yusuf", new(1980, 1, 1), Sex.L, false, Full, 1_000_000),
        new("34444444444", "3577010101800001", "Moch. Yusuf", new(1980, 1, 1), Sex.L, true, ProgramSet.Jkk, 1_000_000),
        new("55555555555", "3577014408920001", "Sumarni", new(1992, 8, 4), Sex.P, false, Full, 2_000_000),
        new("66666666666", "3577011111880001", "Agus Wibowo", new(1988, 11, 11), Sex.L, true, ProgramSet.Jkk, 2_000_000),
    ];

    private static readonly string[] Niks =
    [
        "3577011203900001", "'3577 0112 0390 0001", "3577015506850003", "3577010101800001", "3577014408920001",
        "3577011111880001", "3577011111880002", "3.57701E+15", string.Empty, "abc", "3577019999990000",
    ];

    private static readonly string[] Names = ["Budi Santoso", "Siti Aminah", "M. Yusuf", "Sumarni", "Agus Wibowo", "Rina Ningsih", string.Empty];

    private static readonly Gen<RosterRecord[]> Rosters =
        Gen.Select(Gen.OneOf(Niks), Gen.OneOf(Names), Gen.Int[0, 3], Gen.Long[1_000_000, 4_000_000])
            .Select((nik, name, birth, wage) => (nik, name, birth, wage))
            .Array[0, 40]
            .Select(rows => rows.Select((r, i) => new RosterRecord(
                i + 2, r.nik, r.name, r.birth == 0 ? null : new DateOnly(1980 + r.birth, 1, 1), null, "35.77.01", r.wage)).ToArray());

    private static object Key(ReconcileResult r) => (r.Roster.Row, r.Outcome, r.Method, r.Score, r.Kpj, r.Gaps);

    [Fact]
    public void Streaming_in_small_batches_gives_what_the_whole_run_gives()
    {
        var index = MemberIndex.Build(Members, Validator, Today);
        Gen.Select(Rosters, Gen.Int[1, 7]).Sample((roster, batch) =>
        {
            var whole = new Reconciler(index, NikOnly).Run(roster).Select(Key);
            var streamed = new Reconciler(index, NikOnly).Stream(roster, batch).Select(Key);
            Assert.Equal(whole, streamed);
        });
    }

    [Fact]
    public void Indexing_only_the_members_the_roster_names_gives_the_same_results()
    {
        var all = MemberIndex.Build(Members, Validator, Today);
        Rosters.Sample(roster =>
        {
            var wanted = roster.Select(r => MemberIndex.NikKey(r.Nik)).Where(n => n != 0).ToHashSet();
            var some = new MemberIndex(Validator, Today) { Blocks = false };
            foreach (var member in Members.Where(m => wanted.Contains(MemberIndex.NikKey(m.Nik))))
            {
                some.Add(member);
            }

            some.Seal();
            Assert.Equal(
                new Reconciler(all, NikOnly).Run(roster).Select(Key),
                new Reconciler(some, NikOnly).Run(roster).Select(Key));
        });
    }

    [Fact]
    public void The_earliest_row_keeps_a_member_and_later_rows_with_its_nik_go_to_review()
    {
        var index = MemberIndex.Build(Members, Validator, Today);
        RosterRecord[] roster =
        [
            new(2, "3577010101800001", "Muhammad Yusuf", null, null, null, null),
            new(3, "3577010101800001", "Muhammad Yusuf", null, null, null, null),
        ];
        var results = new Reconciler(index, NikOnly).Stream(roster).ToList();
        Assert.Equal((ReconcileOutcome.CoveredActive, "34444444444"), (results[0].Outcome, results[0].Kpj));
        Assert.Equal((ReconcileOutcome.NeedsReview, null), (results[1].Outcome, results[1].Kpj));
    }

    [Fact]
    public void Only_a_nik_only_run_streams()
    {
        var index = MemberIndex.Build(Members, Validator, Today);
        Assert.Throws<InvalidOperationException>(() => new Reconciler(index, ReconcileSettings.Default).Stream([]));
    }

    [Fact]
    public void The_nik_key_is_the_number_the_validator_reads()
    {
        var pieces = Gen.OneOf("3577011203900001", "3", "5", "0", " ", ".", "-", "'", "E+15", "x", ",0");
        pieces.Array[0, 8].Select(p => string.Concat(p)).Sample(text =>
            Assert.Equal(MemberIndex.NikNumber(Validator.Check(text, Today)), MemberIndex.NikKey(text)));
    }

    [Fact]
    public void Remembered_folds_are_the_folds()
    {
        var folds = new NameFolds(capacity: 3);
        var names = Gen.OneOf("Drs. H. Budi Santoso, S.Pd.", "SITI AMINAH", "Moch. Yusuf", "Djoko Tjahjono", "Ma'ruf", " ", "Siti  Aminah");
        names.Array[1, 20].Sample(batch =>
        {
            foreach (var name in batch)
            {
                Assert.Equal(PersonName.Normalize(name), folds.Fold(name));
            }
        });
    }
}
