using System.Runtime.CompilerServices;
using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The members of an extract that the exact pass can tie a roster row to. The extract is read in
/// two halves at once, each into its own <see cref="MemberPart"/>; every member whose NIK the roster
/// holds is offered to <see cref="ExactNiks"/> with a priority that encodes
/// <see cref="MemberIndex"/>'s rule — the first membership of a NIK speaks for it, unless a later one
/// is active and it is not — so the first active one wins, else the first one, whichever thread
/// gets there first. A member is named by that priority (its half and place in it).
/// </summary>
internal sealed class ExactMembers : IDisposable
{
    private const int IndexBits = 40;
    private const long IndexMask = (1L << IndexBits) - 1;
    private const long InactiveBit = 1L << 62;

    private readonly MemberPart[] _parts;

    private ExactMembers(ExactNiks niks, HeaderMap map, byte delimiter, MemberPart[] parts)
    {
        (Niks, Map, Delimiter, _parts) = (niks, map, delimiter, parts);
    }

    public ExactNiks Niks { get; }

    /// <summary>The extract's header, for reading a member's row again.</summary>
    public HeaderMap Map { get; }

    public byte Delimiter { get; }

    /// <summary>
    /// Streams the extract keeping the members whose NIK <paramref name="niks"/> holds; null when
    /// the file is not a UTF-8 CSV with every required column, which the general reader then
    /// handles (and reports).
    /// </summary>
    public static ExactMembers? Load(string path, ExactNiks niks, long splitAtLeast)
    {
        using var csv = CsvBytes.TryOpen(path);
        if (csv is null)
        {
            return null;
        }

        var map = HeaderMap.Map(csv.Header, MemberColumns.All);
        if (map.Missing.Count > 0)
        {
            return null;
        }

        var split = CsvBytes.Split(path, csv.Position, splitAtLeast);
        if (split > 0)
        {
            csv.Stop = split;
            using var second = CsvBytes.OpenRange(path, csv.Delimiter, split, long.MaxValue, 0);
            var halves = new MemberPart?[2];
            Parallel.Invoke(() => halves[0] = Read(path, csv, map, niks, 0), () => halves[1] = Read(path, second, map, niks, 1));
            if (halves[0] is { } first && halves[1] is { } last && csv.Position == split)
            {
                return new ExactMembers(niks, map, csv.Delimiter, [first, last]);
            }

            halves[0]?.Dispose();
            halves[1]?.Dispose();
            if (halves[0] is null || halves[1] is null)
            {
                return null;
            }

            // A quoted line break straddled the middle: read the whole extract again, in one piece.
            niks.ClearValues();
            using var whole = CsvBytes.TryOpen(path)!;
            return Read(path, whole, map, niks, 0) is { } all ? new ExactMembers(niks, map, whole.Delimiter, [all]) : null;
        }

        return Read(path, csv, map, niks, 0) is { } part ? new ExactMembers(niks, map, csv.Delimiter, [part]) : null;
    }

    public void Dispose()
    {
        foreach (var part in _parts)
        {
            part.Dispose();
        }
    }

    /// <summary>The member speaking for <paramref name="nik"/>, as a handle for the other methods.</summary>
    public bool TryFind(long nik, out long member) => Niks.TryGet(nik, out member) && member != ExactNiks.None;

    /// <summary>Starts loading the member's struct, then (<paramref name="text"/>) its KPJ and name, which the struct locates.</summary>
    public void Prefetch(long member, bool text)
    {
        if (text)
        {
            Part(member).PrefetchText(Index(member));
        }
        else
        {
            Part(member).PrefetchEntry(Index(member));
        }
    }

    public long Offset(long member) => Part(member).Offset(Index(member));

    public long Wage(long member) => Part(member).Wage(Index(member));

    public static bool IsActive(long member) => (member & InactiveBit) == 0;

    public ProgramSet Programs(long member) => Part(member).Programs(Index(member));

    public ReadOnlySpan<byte> Kpj(long member) => Part(member).Kpj(Index(member));

    public ReadOnlySpan<byte> Name(long member) => Part(member).Name(Index(member));

    /// <summary>
    /// Marks the member taken by a row of roster half <paramref name="half"/>; false when an earlier
    /// row of that half took it. Each half marks its own flags, so the halves never race; the
    /// caller settles rows of the second half whose member the first half also took.
    /// </summary>
    public bool Claim(long member, int half) => Part(member).Claim(Index(member), half);

    /// <summary>Whether a row of roster half <paramref name="half"/> took the member.</summary>
    public bool Claimed(long member, int half) => Part(member).Claimed(Index(member), half);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static MemberPart? Read(string path, CsvBytes csv, HeaderMap map, ExactNiks niks, int partIndex)
    {
        var (nik, kpj, name, status, program, wage) = (
            map.IndexOf(MemberColumns.Nik), map.IndexOf(MemberColumns.Kpj), map.IndexOf(MemberColumns.Nama),
            map.IndexOf(MemberColumns.Status), map.IndexOf(MemberColumns.Program), map.IndexOf(MemberColumns.UpahDilaporkan));
        var end = Math.Min(csv.Stop, new FileInfo(path).Length);
        var part = new MemberPart(CsvBytes.ExpectedRows(path, csv.Position, end), end - csv.Position);
        var active = new CellCache<bool>(FieldParser.IsActive);
        var programs = new CellCache<ProgramSet>(FieldParser.Programs);
        var kpjScratch = new byte[256];
        var nameScratch = new byte[256];
        var keys = new long[CacheLine.Batch];
        while (csv.NextBatch(keys.Length) is var count and > 0)
        {
            for (var row = 0; row < count; row++)
            {
                csv.Select(row);
                keys[row] = Cells.NikKey(csv[nik], out _);
                niks.Prefetch(keys[row]);
            }

            for (var row = 0; row < count; row++)
            {
                var key = keys[row];
                if (key == 0 || !niks.TryGet(key, out _))
                {
                    continue;
                }

                csv.Select(row);
                var isActive = active.Get(csv[status]);
                var index = part.Add(
                    csv.RecordOffset,
                    Cells.Content(csv[kpj], ref kpjScratch),
                    Cells.Content(csv[name], ref nameScratch),
                    programs.Get(csv[program]),
                    Cells.Wage(csv[wage]) ?? -1);
                niks.Offer(key, (isActive ? 0 : InactiveBit) | ((long)partIndex << IndexBits) | (long)(uint)index);
            }
        }

        if (csv.Invalid)
        {
            part.Dispose();
            return null;
        }

        return part;
    }

    private MemberPart Part(long member) => _parts[(int)((member >> IndexBits) & 0xFF)];

    private static int Index(long member) => (int)(member & IndexMask);
}
