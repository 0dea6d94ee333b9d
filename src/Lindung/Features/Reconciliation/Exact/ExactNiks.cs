using System.Runtime.CompilerServices;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The roster's NIKs, each with the member that speaks for it, filled by two threads at once:
/// open addressing over one flat array of (NIK, value) pairs, so a probe costs one cache miss, sized up front (it cannot grow while shared, so
/// <see cref="Full"/> tells the caller to start again with a bigger one). A member is offered
/// with a priority and the smallest wins, which makes the outcome independent of thread timing.
/// </summary>
internal sealed class ExactNiks : IDisposable
{
    /// <summary>The value of a NIK the roster holds and no member (yet) does.</summary>
    public const long None = long.MaxValue;

    private const double MaxLoad = 0.75;
    // Slot i holds its NIK at 2i and its value at 2i + 1: a member's priority plus one, zero for
    // none, so a table fresh from zeroed memory is ready without another pass over it.
    private readonly NativeArray<long> _entries;
    private readonly int _mask;
    private readonly int _limit;
    private int _count;

    public ExactNiks(long expected)
    {
        var size = 1024L;
        while (size * MaxLoad < expected)
        {
            size *= 2;
        }

        size = Math.Min(size, 1L << 30);
        (_entries, _mask, _limit) = (new NativeArray<long>(size * 2, huge: true), (int)size - 1, (int)(size * MaxLoad));
    }

    /// <summary>True once more NIKs were added than the table was sized for; its contents are then incomplete.</summary>
    public bool Full => Volatile.Read(ref _count) >= _limit;

    public int Capacity => _mask + 1;

    /// <summary>Adds a NIK (not zero); safe to call from several threads; does nothing once <see cref="Full"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long nik)
    {
        for (var slot = Slot(nik); !Full; slot = (slot + 1) & _mask)
        {
            var key = Volatile.Read(ref _entries[slot * 2]);
            if (key == nik)
            {
                return;
            }

            if (key == 0)
            {
                var found = Interlocked.CompareExchange(ref _entries[slot * 2], nik, 0);
                if (found == 0)
                {
                    Interlocked.Increment(ref _count);
                    return;
                }

                if (found == nik)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The NIK's value (<see cref="None"/> or a member's priority); false when the roster does not hold it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(long nik, out long value)
    {
        for (var slot = Slot(nik); _entries[slot * 2] != 0; slot = (slot + 1) & _mask)
        {
            if (_entries[slot * 2] == nik)
            {
                var stored = Volatile.Read(ref _entries[(slot * 2) + 1]);
                value = stored == 0 ? None : stored - 1;
                return true;
            }
        }

        value = None;
        return false;
    }

    /// <summary>Keeps the smaller of the NIK's value and <paramref name="priority"/>; safe from several threads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Offer(long nik, long priority)
    {
        for (var slot = Slot(nik); _entries[slot * 2] != 0; slot = (slot + 1) & _mask)
        {
            if (_entries[slot * 2] != nik)
            {
                continue;
            }

            ref var value = ref _entries[(slot * 2) + 1];
            var offered = priority + 1;
            var current = Volatile.Read(ref value);
            while (current == 0 || offered < current)
            {
                var seen = Interlocked.CompareExchange(ref value, offered, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }

            return;
        }
    }

    /// <summary>Starts loading the NIK's slot, for an <see cref="Add"/>, <see cref="TryGet"/> or <see cref="Offer"/> soon after.</summary>
    public void Prefetch(long nik) => CacheLine.Prefetch(ref _entries[Slot(nik) * 2]);

    public void Dispose() => _entries.Dispose();

    /// <summary>Forgets every member offered, keeping the NIKs.</summary>
    public void ClearValues()
    {
        for (var i = 1; i < _entries.Length; i += 2)
        {
            _entries[i] = 0;
        }
    }

    // NIKs share long runs of digits (area, birth date), so the bits are mixed before masking.
    private int Slot(long nik) => (int)(((ulong)nik * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
