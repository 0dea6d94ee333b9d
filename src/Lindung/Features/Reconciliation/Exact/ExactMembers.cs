using Lindung.Domain.Reconciliation;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The members of an extract that the exact pass can tie a roster row to, in flat arrays: per NIK
/// the one membership that speaks for it (the first, unless a later one is active and it is not —
/// <see cref="MemberIndex"/>'s rule), with its KPJ and name bytes, status, programs and wage, and
/// where its row starts so the rare row that needs the general reconciler can read it again.
/// </summary>
internal sealed class ExactMembers
{
    private const byte ActiveFlag = 0x80;
    private const byte ClaimedFlag = 0x40;
    private const byte ProgramMask = 0x1F;

    private long[] _offsets = new long[1024];
    private long[] _wages = new long[1024];
    private int[] _texts = new int[1024];
    private byte[] _flags = new byte[1024];
    private byte[] _pool = new byte[1 << 16];
    private int _poolLength;

    private ExactMembers(NikTable niks, HeaderMap map, byte delimiter)
    {
        Niks = niks;
        Map = map;
        Delimiter = delimiter;
    }

    /// <summary>NIK → -1 (on the roster, no member) or the slot of the member that speaks for it.</summary>
    public NikTable Niks { get; }

    /// <summary>The extract's header, for reading a member's row again.</summary>
    public HeaderMap Map { get; }

    public byte Delimiter { get; }

    public int Count { get; private set; }

    /// <summary>
    /// Streams the extract keeping the members whose NIK is a key of <paramref name="wanted"/>
    /// (which becomes <see cref="Niks"/>); null when the file is not a UTF-8 CSV with every required
    /// column, which the general reader then handles (and reports).
    /// </summary>
    public static ExactMembers? Load(string path, NikTable wanted)
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

        var (nik, kpj, name, status, program, wage) = (
            map.IndexOf(MemberColumns.Nik), map.IndexOf(MemberColumns.Kpj), map.IndexOf(MemberColumns.Nama),
            map.IndexOf(MemberColumns.Status), map.IndexOf(MemberColumns.Program), map.IndexOf(MemberColumns.UpahDilaporkan));
        var members = new ExactMembers(wanted, map, csv.Delimiter);
        var active = new CellCache<bool>(FieldParser.IsActive);
        var programs = new CellCache<ProgramSet>(FieldParser.Programs);
        var scratch = new byte[256];
        var scratch2 = new byte[256];
        while (csv.Next())
        {
            var key = Cells.NikKey(csv[nik], out _);
            if (key == 0 || !wanted.TryGetValue(key, out var holder))
            {
                continue;
            }

            var isActive = active.Get(csv[status]);
            if (holder >= 0 && (members.IsActive(holder) || !isActive))
            {
                continue;
            }

            var slot = members.Add(
                csv.RecordOffset,
                Cells.Content(csv[kpj], ref scratch),
                Cells.Content(csv[name], ref scratch2),
                isActive,
                programs.Get(csv[program]),
                Cells.Wage(csv[wage]) ?? -1);
            wanted.Set(key, slot);
        }

        return csv.Invalid ? null : members;
    }

    /// <summary>The slot of the member holding <paramref name="nik"/>.</summary>
    public bool TryFind(long nik, out int slot) => Niks.TryGetValue(nik, out slot) && slot >= 0;

    public long Offset(int slot) => _offsets[slot];

    public long Wage(int slot) => _wages[slot];

    public bool IsActive(int slot) => (_flags[slot] & ActiveFlag) != 0;

    public ProgramSet Programs(int slot) => (ProgramSet)(_flags[slot] & ProgramMask);

    public ReadOnlySpan<byte> Kpj(int slot) => Text(_texts[slot]);

    public ReadOnlySpan<byte> Name(int slot)
    {
        var kpj = _texts[slot];
        return Text(kpj + 4 + BitConverter.ToInt32(_pool, kpj));
    }

    /// <summary>
    /// Marks the member taken by a roster row; false when an earlier row already took it (in a
    /// NIK-only run the earliest row keeps the member, as <see cref="Reconciler.Stream"/> settles).
    /// </summary>
    public bool Claim(int slot)
    {
        if ((_flags[slot] & ClaimedFlag) != 0)
        {
            return false;
        }

        _flags[slot] |= ClaimedFlag;
        return true;
    }

    private ReadOnlySpan<byte> Text(int at) => _pool.AsSpan(at + 4, BitConverter.ToInt32(_pool, at));

    private int Add(long offset, ReadOnlySpan<byte> kpj, ReadOnlySpan<byte> name, bool active, ProgramSet programs, long wage)
    {
        if (Count == _offsets.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _wages, size);
            Array.Resize(ref _texts, size);
            Array.Resize(ref _flags, size);
        }

        var slot = Count++;
        _offsets[slot] = offset;
        _wages[slot] = wage;
        _flags[slot] = (byte)((active ? ActiveFlag : 0) | ((byte)programs & ProgramMask));
        _texts[slot] = _poolLength;
        Append(kpj);
        Append(name);
        return slot;
    }

    private void Append(ReadOnlySpan<byte> text)
    {
        if (_poolLength + 4 + text.Length > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolLength + 4 + text.Length));
        }

        BitConverter.TryWriteBytes(_pool.AsSpan(_poolLength), text.Length);
        text.CopyTo(_pool.AsSpan(_poolLength + 4));
        _poolLength += 4 + text.Length;
    }
}
