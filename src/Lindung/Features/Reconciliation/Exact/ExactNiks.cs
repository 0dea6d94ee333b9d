namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The roster's NIKs, each with the member that speaks for it, filled by two threads at once:
/// open addressing over two flat arrays sized up front (it cannot grow while shared, so
/// <see cref="Full"/> tells the caller to start again with a bigger one). A member is offered
/// with a priority and the smallest wins, which makes the outcome independent of thread timing.
/// </summary>
internal sealed class ExactNiks
{
    /// <summary>The value of a NIK the roster holds and no member (yet) does.</summary>
    public const long None = long.MaxValue;

    private const double MaxLoad = 0.7;
    private readonly long[] _keys;
    private readonly long[] _values;
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
        (_keys, _values, _mask, _limit) = (new long[size], new long[size], (int)size - 1, (int)(size * MaxLoad));
        Array.Fill(_values, None);
    }

    /// <summary>True once more NIKs were added than the table was sized for; its contents are then incomplete.</summary>
    public bool Full => Volatile.Read(ref _count) >= _limit;

    public int Capacity => _keys.Length;

    /// <summary>Adds a NIK (not zero); safe to call from several threads; does nothing once <see cref="Full"/>.</summary>
    public void Add(long nik)
    {
        for (var slot = Slot(nik); !Full; slot = (slot + 1) & _mask)
        {
            var key = Volatile.Read(ref _keys[slot]);
            if (key == nik)
            {
                return;
            }

            if (key == 0)
            {
                var found = Interlocked.CompareExchange(ref _keys[slot], nik, 0);
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
    public bool TryGet(long nik, out long value)
    {
        for (var slot = Slot(nik); _keys[slot] != 0; slot = (slot + 1) & _mask)
        {
            if (_keys[slot] == nik)
            {
                value = Volatile.Read(ref _values[slot]);
                return true;
            }
        }

        value = None;
        return false;
    }

    /// <summary>Keeps the smaller of the NIK's value and <paramref name="priority"/>; safe from several threads.</summary>
    public void Offer(long nik, long priority)
    {
        for (var slot = Slot(nik); _keys[slot] != 0; slot = (slot + 1) & _mask)
        {
            if (_keys[slot] != nik)
            {
                continue;
            }

            var current = Volatile.Read(ref _values[slot]);
            while (priority < current)
            {
                var seen = Interlocked.CompareExchange(ref _values[slot], priority, current);
                if (seen == current)
                {
                    return;
                }

                current = seen;
            }

            return;
        }
    }

    /// <summary>Forgets every member offered, keeping the NIKs.</summary>
    public void ClearValues() => Array.Fill(_values, None);

    // NIKs share long runs of digits (area, birth date), so the bits are mixed before masking.
    private int Slot(long nik) => (int)(((ulong)nik * 0x9E3779B97F4A7C15UL) >> 32) & _mask;
}
