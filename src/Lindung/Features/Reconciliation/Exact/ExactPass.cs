using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lindung.Domain.Areas;
using Lindung.Domain.Identifiers;
using Lindung.Domain.Matching;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;
using Microsoft.Win32.SafeHandles;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// <c>lindung reconcile --nik-only</c> over two UTF-8 CSVs, on bytes: the roster's NIKs are
/// gathered, the extract streams past them keeping only the members they name, and the roster
/// streams again into the result file. A roster row whose NIK is 16 plain digits holding a birth
/// date and a serial, and whose name agrees with its member's (or that has no member), is decided
/// here; any other row is decided by the <see cref="Reconciler"/> itself, against its one member,
/// so the result file is the one the general path writes. Null when a file is not for this
/// reader (XLSX, another encoding, a missing column): the general path then runs.
/// </summary>
internal static class ExactPass
{
    private static readonly byte[][] GapCodes =
        [.. Enumerable.Range(0, 4).Select(g => Encoding.UTF8.GetBytes((CoverageGap)g == CoverageGap.None ? string.Empty : ReconcileCodes.Of((CoverageGap)g)))];

    private static readonly byte[] Taken = Encoding.UTF8.GetBytes(",NEEDS_REVIEW,,,1.000,\n");

    /// <param name="rosterPath">The roster CSV.</param>
    /// <param name="membersPath">The extract CSV.</param>
    /// <param name="outPath">The result file to write.</param>
    /// <param name="settings">The run's settings (NIK-only).</param>
    /// <param name="today">For the NIK's birth century.</param>
    /// <param name="splitAtLeast">Files with this many bytes of rows or more are read in two halves at once (the tests make small files split).</param>
    public static ReconcileSummary? TryReconcileToFile(
        string rosterPath, string membersPath, string outPath, ReconcileSettings settings, DateOnly today, long splitAtLeast = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var phases = new PhaseTimes();
        using var roster = RosterLayout.Read(rosterPath, splitAtLeast);
        phases.Done("roster NIKs");
        if (roster is null)
        {
            return null;
        }

        using var members = ExactMembers.Load(membersPath, roster.Niks, splitAtLeast);
        if (members is null)
        {
            return null;
        }

        phases.Done("extract");
        using var memberRows = File.OpenHandle(membersPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        var first = new RosterPass(members, memberRows, roster.Map, settings, today, half: 0);
        if (roster.Split < 0)
        {
            using var whole = CsvBytes.OpenRange(rosterPath, roster.Delimiter, roster.DataStart, long.MaxValue, 1);
            bool read;
            using (var lines = new ResultBytes(outPath))
            {
                read = first.Run(whole, lines);
            }

            return read ? first.Tally.ToSummary() : Failed(outPath);
        }

        // Two halves at once: the second keeps its lines in memory, written after the first's.
        var second = new RosterPass(members, memberRows, roster.Map, settings, today, half: 1);
        using var firstRows = CsvBytes.OpenRange(rosterPath, roster.Delimiter, roster.DataStart, roster.Split, 1);
        using var secondRows = CsvBytes.OpenRange(rosterPath, roster.Delimiter, roster.Split, long.MaxValue, roster.SplitRow);
        using var output = new ResultBytes(outPath);
        var secondLines = new ResultBytes();
        var ok = new bool[2];
        Parallel.Invoke(
            () => ok[0] = first.Run(firstRows, output),
            () => ok[1] = second.Run(secondRows, secondLines));
        phases.Done("roster pass");
        if (!ok[0] || !ok[1])
        {
            output.Dispose();
            return Failed(outPath);
        }

        // In a NIK-only run the earliest row keeps a member: a second-half row whose member a
        // first-half row took goes to review.
        var at = 0L;
        foreach (var claim in second.Claims.Where(c => members.Claimed(c.Member, 0)))
        {
            second.Tally.Move(claim.Outcome, claim.Gaps, ReconcileOutcome.NeedsReview);
            secondLines.CopyTo(output, at, claim.OutcomeStart);
            output.Write(Taken);
            at = claim.LineEnd;
        }

        secondLines.CopyTo(output, at, secondLines.Position);
        output.Dispose();
        phases.Done("append");
        return first.Tally.Plus(second.Tally).ToSummary();
    }

    /// <summary>The file turned out not to be UTF-8 after all (the roster changed under us): the general path starts over.</summary>
    private static ReconcileSummary? Failed(string outPath)
    {
        File.Delete(outPath);
        return null;
    }

    /// <summary>A covered line of the second half: the member it took and where its outcome starts and its line ends.</summary>
    private readonly record struct ClaimLine(long Member, long OutcomeStart, long LineEnd, ReconcileOutcome Outcome, CoverageGap Gaps);

    /// <summary>Rows per outcome, with and without a gap, for each half to keep and the two to add up.</summary>
    private sealed class Tally
    {
        private readonly long[] _counts = new long[Enum.GetValues<ReconcileOutcome>().Length * 2];

        public void Add(ReconcileOutcome outcome, CoverageGap gaps) => _counts[Slot(outcome, gaps)]++;

        public void Move(ReconcileOutcome outcome, CoverageGap gaps, ReconcileOutcome to)
        {
            _counts[Slot(outcome, gaps)]--;
            _counts[Slot(to, CoverageGap.None)]++;
        }

        public Tally Plus(Tally other)
        {
            for (var i = 0; i < _counts.Length; i++)
            {
                _counts[i] += other._counts[i];
            }

            return this;
        }

        public ReconcileSummary ToSummary()
        {
            var summary = new ReconcileSummary();
            foreach (var outcome in Enum.GetValues<ReconcileOutcome>())
            {
                foreach (var gaps in new[] { CoverageGap.None, CoverageGap.WageUnderreported })
                {
                    for (var n = _counts[Slot(outcome, gaps)]; n > 0; n--)
                    {
                        summary.Add(outcome, gaps);
                    }
                }
            }

            return summary;
        }

        private static int Slot(ReconcileOutcome outcome, CoverageGap gaps) => ((int)outcome * 2) + (gaps == CoverageGap.None ? 0 : 1);
    }

    /// <summary>
    /// The roster's header, its NIKs (read in two halves at once when the file is big) and where the
    /// halves meet, checked: the first half's last record ends exactly where the second starts.
    /// </summary>
    private sealed record RosterLayout(ExactNiks Niks, HeaderMap Map, byte Delimiter, long DataStart, long Split, int SplitRow) : IDisposable
    {
        public void Dispose() => Niks.Dispose();

        public static RosterLayout? Read(string path, long splitAtLeast)
        {
            byte delimiter;
            long dataStart;
            HeaderMap map;
            using (var csv = CsvBytes.TryOpen(path))
            {
                if (csv is null)
                {
                    return null;
                }

                map = HeaderMap.Map(csv.Header, RosterColumns.All);
                (delimiter, dataStart) = (csv.Delimiter, csv.Position);
            }

            if (map.Missing.Count > 0)
            {
                return null;
            }

            var nik = map.IndexOf(RosterColumns.Nik);
            var split = CsvBytes.Split(path, dataStart, splitAtLeast);
            var expected = CsvBytes.ExpectedRows(path, dataStart, long.MaxValue);
            while (true)
            {
                var niks = new ExactNiks(expected);
                RosterLayout? kept = null;
                try
                {
                    using var first = CsvBytes.OpenRange(path, delimiter, dataStart, split > 0 ? split : long.MaxValue, 1);
                    if (split > 0)
                    {
                        using var second = CsvBytes.OpenRange(path, delimiter, split, long.MaxValue, 0);
                        Parallel.Invoke(() => AddNiks(first, nik, niks), () => AddNiks(second, nik, niks));
                        if (second.Invalid)
                        {
                            return null;
                        }
                    }
                    else
                    {
                        AddNiks(first, nik, niks);
                    }

                    if (first.Invalid)
                    {
                        return null;
                    }

                    if (niks.Full)
                    {
                        expected = niks.Capacity * 2L;
                        continue;
                    }

                    if (split > 0 && first.Position != split)
                    {
                        // A quoted line break straddled the middle: one piece, from the start.
                        split = -1;
                        continue;
                    }

                    return kept = new RosterLayout(niks, map, delimiter, dataStart, split, split > 0 ? first.RowsRead : 0);
                }
                finally
                {
                    if (kept is null)
                    {
                        niks.Dispose();
                    }
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void AddNiks(CsvBytes csv, int column, ExactNiks niks)
        {
            var keys = new long[CacheLine.Batch];
            while (!niks.Full && csv.NextBatch(keys.Length) is var count and > 0)
            {
                for (var row = 0; row < count; row++)
                {
                    csv.Select(row);
                    keys[row] = Cells.NikKey(csv[column], out _);
                    niks.Prefetch(keys[row]);
                }

                for (var row = 0; row < count; row++)
                {
                    if (keys[row] != 0)
                    {
                        niks.Add(keys[row]);
                    }
                }
            }
        }
    }

    /// <summary>The second read of the roster, one half of it: one decision and one result line per row.</summary>
    private sealed class RosterPass(ExactMembers members, SafeFileHandle memberRows, HeaderMap map, ReconcileSettings settings, DateOnly today, int half)
    {
        private static readonly byte[] Covered = Encoding.UTF8.GetBytes(",COVERED_ACTIVE,");
        private static readonly byte[] CoveredInactive = Encoding.UTF8.GetBytes(",COVERED_INACTIVE,");
        private static readonly byte[] NotRegistered = Encoding.UTF8.GetBytes(",NOT_REGISTERED,,,0.000,\n");
        private static readonly byte[] ByNik = Encoding.UTF8.GetBytes(",NIK,1.000,");

        private readonly NameFolds _names = new();
        private readonly NikValidator _validator = new(AreaDirectory.Embedded);
        private readonly bool _identicalNamesAgree = settings.Model.NikNameAtLeast <= 1;
        private readonly sbyte[] _birthDates = new sbyte[1_000_000];
        private byte[] _nameScratch = new byte[256];

        public Tally Tally { get; } = new();

        /// <summary>The second half's covered lines, which a first-half row may have taken first.</summary>
        public List<ClaimLine> Claims { get; } = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Run(CsvBytes csv, ResultBytes output)
        {
            var (nik, name, wage) = (map.IndexOf(RosterColumns.Nik), map.IndexOf(RosterColumns.Nama), map.IndexOf(RosterColumns.Upah));
            var keys = new long[CacheLine.Batch];
            var found = new long[CacheLine.Batch];
            while (csv.NextBatch(keys.Length) is var count and > 0)
            {
                Prefetch(csv, nik, count, keys, found);
                for (var row = 0; row < count; row++)
                {
                    csv.Select(row);
                    if (!TryFast(csv, keys[row], found[row], nik, name, wage, output))
                    {
                        General(csv, output);
                    }
                }
            }

            return !csv.Invalid;
        }

        /// <summary>
        /// Loads what a batch of rows will read, in three rounds that each wait for the one before:
        /// the NIK slots, the member structs they name, the members' KPJ and name.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Prefetch(CsvBytes csv, int nikColumn, int count, long[] keys, long[] found)
        {
            for (var row = 0; row < count; row++)
            {
                csv.Select(row);
                // Zero for a NIK that is not 16 plain digits: the reconciler decides that row.
                var key = Cells.NikKey(csv[nikColumn], out var digits);
                keys[row] = digits.IsEmpty ? 0 : key;
                members.Niks.Prefetch(keys[row]);
            }

            for (var row = 0; row < count; row++)
            {
                found[row] = keys[row] != 0 && members.TryFind(keys[row], out var member) ? member : -1;
                if (found[row] >= 0)
                {
                    members.Prefetch(found[row], text: false);
                }
            }

            for (var row = 0; row < count; row++)
            {
                if (found[row] >= 0)
                {
                    members.Prefetch(found[row], text: true);
                }
            }
        }

        /// <summary>
        /// Decides the common row in place; false when the row needs the reconciler. The key is the
        /// row's NIK when it is 16 plain digits, else zero, and the slot the member it names, else -1,
        /// both as <see cref="Prefetch"/> found them.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool TryFast(CsvBytes csv, long key, long slot, int nikColumn, int nameColumn, int wageColumn, ResultBytes output)
        {
            if (key == 0 || key % 10_000 == 0 || !HasBirthDate(key))
            {
                return false;
            }

            // The cell as Cells.NikKey found it: unquoted, 16 digits once spaces and tabs are trimmed.
            var digits = csv[nikColumn].Trim(" \t"u8);

            var name = Cells.Content(csv[nameColumn], ref _nameScratch);
            if (slot < 0)
            {
                WriteStart(output, csv.Row, digits, name);
                output.Write(NotRegistered);
                Tally.Add(ReconcileOutcome.NotRegistered, CoverageGap.None);
                return true;
            }

            if (!NamesAgree(name, members.Name(slot)))
            {
                return false;
            }

            WriteStart(output, csv.Row, digits, name);
            if (!members.Claim(slot, half))
            {
                output.Write(Taken);
                Tally.Add(ReconcileOutcome.NeedsReview, CoverageGap.None);
                return true;
            }

            var start = output.Position;
            var gaps = Gaps(slot, Cells.Wage(csv[wageColumn]));
            var outcome = ExactMembers.IsActive(slot) ? ReconcileOutcome.CoveredActive : ReconcileOutcome.CoveredInactive;
            output.Write(outcome == ReconcileOutcome.CoveredActive ? Covered : CoveredInactive);
            output.WriteQuoted(members.Kpj(slot));
            output.Write(ByNik);
            output.Write(GapCodes[(int)gaps]);
            output.Write((byte)'\n');
            Tally.Add(outcome, gaps);
            Remember(slot, start, output.Position, outcome, gaps);
            return true;
        }

        /// <summary>
        /// The row through the reconciler against an index of the one member its NIK names, then the
        /// earliest-row-keeps-the-member rule of a NIK-only stream.
        /// </summary>
        private void General(CsvBytes csv, ResultBytes output)
        {
            var fields = csv.Fields();
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                return;
            }

            var row = RosterRecord.From(csv.Row, map, fields);
            var index = new MemberIndex(_validator, today) { Blocks = false };
            var key = MemberIndex.NikKey(row.Nik);
            var slot = -1L;
            if (key != 0 && members.TryFind(key, out slot))
            {
                index.Add(MemberRecord.From(members.Map, CsvBytes.FieldsAt(memberRows, members.Offset(slot), members.Delimiter)));
            }

            index.Seal();
            var result = new Reconciler(index, settings).Stream([row]).Single();
            if (result.IsCovered && !members.Claim(slot, half))
            {
                result = new ReconcileResult(row, ReconcileOutcome.NeedsReview, MatchMethod.None, result.Score, null, CoverageGap.None);
            }

            output.Write(row.Row);
            output.Write((byte)',');
            output.WriteQuoted(row.Nik);
            output.Write((byte)',');
            output.WriteQuoted(row.Name);
            var start = output.Position;
            output.Write((byte)',');
            output.Write(Encoding.UTF8.GetBytes(ReconcileCodes.Of(result.Outcome)));
            output.Write((byte)',');
            output.WriteQuoted(result.Kpj ?? string.Empty);
            output.Write((byte)',');
            output.Write(Encoding.UTF8.GetBytes(ReconcileCodes.Of(result.Method)));
            output.Write((byte)',');
            output.WriteScore(result.Score);
            output.Write((byte)',');
            output.Write(GapCodes[(int)result.Gaps]);
            output.Write((byte)'\n');
            Tally.Add(result.Outcome, result.Gaps);
            if (result.IsCovered)
            {
                Remember(slot, start, output.Position, result.Outcome, result.Gaps);
            }
        }

        private void Remember(long member, long outcomeStart, long lineEnd, ReconcileOutcome outcome, CoverageGap gaps)
        {
            if (half > 0)
            {
                Claims.Add(new ClaimLine(member, outcomeStart, lineEnd, outcome, gaps));
            }
        }

        /// <summary>
        /// Whether the NIK's DDMMYY digits are a birth date, remembered per DDMMYY: millions of rows
        /// share a few tens of thousands of dates, and the answer depends on nothing else.
        /// </summary>
        private bool HasBirthDate(long nik)
        {
            var date = (int)(nik / 10_000 % 1_000_000);
            ref var known = ref _birthDates[date];
            if (known == 0)
            {
                Span<char> text = stackalloc char[16];
                nik.TryFormat(text, out _, "D16", CultureInfo.InvariantCulture);
                known = NikValidator.BirthDateOf(text, today) is null ? (sbyte)-1 : (sbyte)1;
            }

            return known > 0;
        }

        /// <summary>The reconciler's test for an exact NIK: either folded name empty, or similar enough.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private bool NamesAgree(ReadOnlySpan<byte> rosterName, ReadOnlySpan<byte> memberName)
        {
            if (rosterName.SequenceEqual(memberName) && _identicalNamesAgree)
            {
                return true;
            }

            var a = _names.Fold(Encoding.UTF8.GetString(rosterName));
            var b = _names.Fold(Encoding.UTF8.GetString(memberName));
            return a.Length == 0 || b.Length == 0 || NameSimilarity.Score(a, b) >= settings.Model.NikNameAtLeast;
        }

        private CoverageGap Gaps(long slot, long? rosterWage)
        {
            var gaps = CoverageGap.None;
            var memberWage = members.Wage(slot);
            if (memberWage >= 0 && rosterWage is { } wage && memberWage < wage)
            {
                gaps |= CoverageGap.WageUnderreported;
            }

            if ((members.Programs(slot) & settings.RequiredPrograms) != settings.RequiredPrograms)
            {
                gaps |= CoverageGap.ProgramMissing;
            }

            return gaps;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void WriteStart(ResultBytes output, int row, ReadOnlySpan<byte> nik, ReadOnlySpan<byte> name)
        {
            output.Write(row);
            output.Write((byte)',');
            output.Write(nik);
            output.Write((byte)',');
            output.WriteQuoted(name);
        }
    }
}
