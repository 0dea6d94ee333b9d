using System.Runtime.CompilerServices;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The members one thread read from its half of an extract: one small struct per member (where its
/// row starts, wage, programs, claims) and KPJ and name as UTF-8 in one shared byte pool, so a
/// roster row's look-up touches two cache lines, not one per field.
/// </summary>
internal sealed class MemberPart
{
    private Entry[] _entries = new Entry[1024];
    private byte[] _pool = new byte[1 << 16];
    private int _poolLength;

    public int Count { get; private set; }

    public long Offset(int index) => _entries[index].Offset;

    public long Wage(int index) => _entries[index].Wage;

    public ProgramSet Programs(int index) => _entries[index].Programs;

    public ReadOnlySpan<byte> Kpj(int index) => Text(_entries[index].Text);

    public ReadOnlySpan<byte> Name(int index)
    {
        var kpj = _entries[index].Text;
        return Text(kpj + 4 + BitConverter.ToInt32(_pool, kpj));
    }

    /// <summary>
    /// Marks the member taken by a row of roster half <paramref name="half"/>; false when taken
    /// before by that half. Each half writes its own byte, so the two threads never race.
    /// </summary>
    public bool Claim(int index, int half)
    {
        ref var entry = ref _entries[index];
        ref var claimed = ref half == 0 ? ref entry.ClaimedFirst : ref entry.ClaimedSecond;
        if (claimed)
        {
            return false;
        }

        claimed = true;
        return true;
    }

    public bool Claimed(int index, int half) => half == 0 ? _entries[index].ClaimedFirst : _entries[index].ClaimedSecond;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Add(long offset, ReadOnlySpan<byte> kpj, ReadOnlySpan<byte> name, ProgramSet programs, long wage)
    {
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }

        var index = Count++;
        _entries[index] = new Entry { Offset = offset, Wage = wage, Programs = programs, Text = _poolLength };
        Append(kpj);
        Append(name);
        return index;
    }

    private ReadOnlySpan<byte> Text(int at) => _pool.AsSpan(at + 4, BitConverter.ToInt32(_pool, at));

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

    private struct Entry
    {
        public long Offset;
        public long Wage;
        public int Text;
        public ProgramSet Programs;
        public bool ClaimedFirst;
        public bool ClaimedSecond;
    }
}
