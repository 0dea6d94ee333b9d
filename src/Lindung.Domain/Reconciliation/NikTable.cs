namespace Lindung.Domain.Reconciliation;

/// <summary>
/// NIK (as a number) to position, open addressing with linear probing over two flat arrays:
/// twelve bytes a slot and no object per entry, where a dictionary of millions of NIKs costs
/// more than twice that. Zero is "no NIK" and cannot be a key.
/// </summary>
public sealed class NikTable
{
    private const double MaxLoad = 0.7;
    private long[] _keys;
    private int[] _values;
    private int _mask;

    public NikTable(int capacity = 0)
    {
        var size = 16;
        while (size * MaxLoad < capacity)
        {
            size *= 2;
        }

        (_keys, _values, _mask) = (new long[size], new int[size], size - 1);
    }

    public int Count { get; private set; }

    public bool ContainsKey(long nik) => TryGetValue(nik, out _);

    public bool TryGetValue(long nik, out int value)
    {
        if (nik != 0)
        {
            for (var slot = Slot(nik); _keys[slot] != 0; slot = (slot + 1) & _mask)
            {
                if (_keys[slot] == nik)
                {
                    value = _values[slot];
                    return true;
                }
            }
        }

        value = 0;
        return false;
    }

    /// <summary>Adds or replaces the value of <paramref name="nik"/>.</summary>
    public void Set(long nik, int value)
    {
        ArgumentOutOfRangeException.ThrowIfZero(nik);
        if (Count + 1 > _keys.Length * MaxLoad)
        {
            Grow();
        }

        var slot = Slot(nik);
        while (_keys[slot] != 0 && _keys[slot] != nik)
        {
            slot = (slot + 1) & _mask;
        }

        if (_keys[slot] == 0)
        {
            _keys[slot] = nik;
            Count++;
        }

        _values[slot] = value;
    }

    /// <summary>NIKs share long runs of digits (area, birth date), so the bits are mixed before masking.</summary>
    private int Slot(long nik)
    {
        var z = (ulong)nik * 0x9E3779B97F4A7C15UL;
        return (int)(z >> 32) & _mask;
    }

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        (_keys, _values, _mask) = (new long[keys.Length * 2], new int[keys.Length * 2], (keys.Length * 2) - 1);
        Count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
            {
                Set(keys[i], values[i]);
            }
        }
    }
}
