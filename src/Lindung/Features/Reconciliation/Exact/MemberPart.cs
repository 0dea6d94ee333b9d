using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The members one thread read from its half of an extract: one small struct per member (where its
/// row starts, wage, programs, claims) and KPJ and name as UTF-8 in one shared byte pool, so a
/// roster row's look-up touches two cache lines, not one per field.
/// </summary>
internal sealed class MemberPart : IDisposable
{
    private readonly NativeArray<Entry> _entries;
    private readonly NativeArray<byte> _pool;
    private int _poolLength;

    /// <summary>
    /// Room for the members and text a part of an extract can hold at most, so the tables never
    /// have to be copied as they fill; memory no member is written to is never touched, so costs nothing.
    /// </summary>
    /// <param name="rows">The rows the part is expected to hold.</param>
    /// <param name="bytes">The bytes the part spans: more than its KPJs and names take.</param>
    public MemberPart(long rows, long bytes)
    {
        _entries = new NativeArray<Entry>(Math.Max(rows, 1024), clear: false);
        _pool = new NativeArray<byte>(Math.Max(bytes, 1 << 16), clear: false);
    }

    public int Count { get; private set; }

    public long Offset(int index) => _entries[index].Offset;

    public long Wage(int index) => _entries[index].Wage;

    public ProgramSet Programs(int index) => _entries[index].Programs;

    public ReadOnlySpan<byte> Kpj(int index) => Text(_entries[index].Text);

    public ReadOnlySpan<byte> Name(int index)
    {
        var kpj = _entries[index].Text;
        return Text(kpj + 4 + Length(kpj));
    }

    /// <summary>Starts loading the member's struct; <see cref="PrefetchText"/> once it is in.</summary>
    public void PrefetchEntry(int index) => CacheLine.Prefetch(ref _entries[index]);

    /// <summary>Starts loading the member's KPJ and name.</summary>
    public void PrefetchText(int index) => CacheLine.Prefetch(ref _pool[_entries[index].Text]);

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
            _entries.Resize(Count * 2L);
        }

        var index = Count++;
        _entries[index] = new Entry { Offset = offset, Wage = wage, Programs = programs, Text = _poolLength };
        Append(kpj);
        Append(name);
        return index;
    }

    public void Dispose()
    {
        _entries.Dispose();
        _pool.Dispose();
    }

    private ReadOnlySpan<byte> Text(int at) => _pool.AsSpan(at + 4, Length(at));

    private int Length(int at) => BinaryPrimitives.ReadInt32LittleEndian(_pool.AsSpan(at, 4));

    private void Append(ReadOnlySpan<byte> text)
    {
        if (_poolLength + 4L + text.Length > _pool.Length)
        {
            _pool.Resize(Math.Max(_pool.Length * 2, _poolLength + 4L + text.Length));
        }

        BinaryPrimitives.WriteInt32LittleEndian(_pool.AsSpan(_poolLength, 4), text.Length);
        text.CopyTo(_pool.AsSpan(_poolLength + 4, text.Length));
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
