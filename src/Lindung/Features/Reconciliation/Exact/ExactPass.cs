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

    public static ReconcileSummary? TryReconcileToFile(string rosterPath, string membersPath, string outPath, ReconcileSettings settings, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var wanted = RosterNiks(rosterPath);
        if (wanted is null || ExactMembers.Load(membersPath, wanted) is not { } members)
        {
            return null;
        }

        using var memberRows = File.OpenHandle(membersPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess);
        var pass = new RosterPass(members, memberRows, settings, today);
        if (pass.Run(rosterPath, outPath) is { } summary)
        {
            return summary;
        }

        File.Delete(outPath);
        return null;
    }

    private static NikTable? RosterNiks(string path)
    {
        using var csv = CsvBytes.TryOpen(path);
        if (csv is null)
        {
            return null;
        }

        var map = HeaderMap.Map(csv.Header, RosterColumns.All);
        if (map.Missing.Count > 0)
        {
            return null;
        }

        var nik = map.IndexOf(RosterColumns.Nik);
        var niks = new NikTable();
        while (csv.Next())
        {
            var key = Cells.NikKey(csv[nik], out _);
            if (key != 0)
            {
                niks.Set(key, -1);
            }
        }

        return csv.Invalid ? null : niks;
    }

    /// <summary>The second read of the roster: one decision and one result line per row.</summary>
    private sealed class RosterPass(ExactMembers members, SafeFileHandle memberRows, ReconcileSettings settings, DateOnly today)
    {
        private static readonly byte[] Covered = Encoding.UTF8.GetBytes(",COVERED_ACTIVE,");
        private static readonly byte[] CoveredInactive = Encoding.UTF8.GetBytes(",COVERED_INACTIVE,");
        private static readonly byte[] NotRegistered = Encoding.UTF8.GetBytes(",NOT_REGISTERED,,,0.000,\n");
        private static readonly byte[] Taken = Encoding.UTF8.GetBytes(",NEEDS_REVIEW,,,1.000,\n");
        private static readonly byte[] ByNik = Encoding.UTF8.GetBytes(",NIK,1.000,");

        private readonly NameFolds _names = new();
        private readonly NikValidator _validator = new(AreaDirectory.Embedded);
        private readonly bool _identicalNamesAgree = settings.Model.NikNameAtLeast <= 1;
        private readonly ReconcileSummary _summary = new();
        private byte[] _nameScratch = new byte[256];
        private HeaderMap _map = null!;

        public ReconcileSummary? Run(string rosterPath, string outPath)
        {
            using var csv = CsvBytes.TryOpen(rosterPath);
            if (csv is null)
            {
                return null;
            }

            _map = HeaderMap.Map(csv.Header, RosterColumns.All);
            var (nik, name, wage) = (_map.IndexOf(RosterColumns.Nik), _map.IndexOf(RosterColumns.Nama), _map.IndexOf(RosterColumns.Upah));
            using (var output = new ResultBytes(outPath))
            {
                while (csv.Next())
                {
                    if (!TryFast(csv, nik, name, wage, output))
                    {
                        General(csv, output);
                    }
                }
            }

            return csv.Invalid ? null : _summary;
        }

        /// <summary>Decides the common row in place; false when the row needs the reconciler.</summary>
        private bool TryFast(CsvBytes csv, int nikColumn, int nameColumn, int wageColumn, ResultBytes output)
        {
            var key = Cells.NikKey(csv[nikColumn], out var digits);
            if (key == 0 || digits.Length == 0 || digits.EndsWith("0000"u8) || !HasBirthDate(digits))
            {
                return false;
            }

            var name = Cells.Content(csv[nameColumn], ref _nameScratch);
            if (!members.TryFind(key, out var slot))
            {
                WriteStart(output, csv.Row, digits, name);
                output.Write(NotRegistered);
                _summary.Add(ReconcileOutcome.NotRegistered, CoverageGap.None);
                return true;
            }

            if (!NamesAgree(name, members.Name(slot)))
            {
                return false;
            }

            WriteStart(output, csv.Row, digits, name);
            if (!members.Claim(slot))
            {
                output.Write(Taken);
                _summary.Add(ReconcileOutcome.NeedsReview, CoverageGap.None);
                return true;
            }

            var gaps = Gaps(slot, Cells.Wage(csv[wageColumn]));
            var outcome = members.IsActive(slot) ? ReconcileOutcome.CoveredActive : ReconcileOutcome.CoveredInactive;
            output.Write(outcome == ReconcileOutcome.CoveredActive ? Covered : CoveredInactive);
            output.WriteQuoted(members.Kpj(slot));
            output.Write(ByNik);
            output.Write(GapCodes[(int)gaps]);
            output.Write((byte)'\n');
            _summary.Add(outcome, gaps);
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

            var row = RosterRecord.From(csv.Row, _map, fields);
            var index = new MemberIndex(_validator, today) { Blocks = false };
            var key = MemberIndex.NikKey(row.Nik);
            var slot = -1;
            if (key != 0 && members.TryFind(key, out slot))
            {
                index.Add(MemberRecord.From(members.Map, CsvBytes.FieldsAt(memberRows, members.Offset(slot), members.Delimiter)));
            }

            index.Seal();
            var result = new Reconciler(index, settings).Stream([row]).Single();
            if (result.IsCovered && !members.Claim(slot))
            {
                result = new ReconcileResult(row, ReconcileOutcome.NeedsReview, MatchMethod.None, result.Score, null, CoverageGap.None);
            }

            output.Write(row.Row);
            output.Write((byte)',');
            output.WriteQuoted(row.Nik);
            output.Write((byte)',');
            output.WriteQuoted(row.Name);
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
            _summary.Add(result.Outcome, result.Gaps);
        }

        private bool HasBirthDate(ReadOnlySpan<byte> digits)
        {
            Span<char> text = stackalloc char[16];
            for (var i = 0; i < 16; i++)
            {
                text[i] = (char)digits[i];
            }

            return NikValidator.BirthDateOf(text, today) is not null;
        }

        /// <summary>The reconciler's test for an exact NIK: either folded name empty, or similar enough.</summary>
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

        private CoverageGap Gaps(int slot, long? rosterWage)
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
