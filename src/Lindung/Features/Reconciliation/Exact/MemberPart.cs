using Lindung.Domain.Rosters;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// The members one thread read from its half of an extract, as flat arrays (no object per member):
/// where each row starts, wage, programs, and KPJ and name as UTF-8 in one shared byte pool.
/// </summary>
internal sealed class MemberPart
{
    private byte[] _pool = new byte[1 << 16];
    private int _poolLength;
    private int[] _texts = new int[1024];
    private bool[][] _claims = [[], []];

    public long[] Offsets { get; private set; } = new long[1024];

    public long[] Wages { get; private set; } = new long[1024];

    public ProgramSet[] Programs { get; private set; } = new ProgramSet[1024];

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Kpj(int index) => Text(_texts[index]);

    public ReadOnlySpan<byte> Name(int index)
    {
        var kpj = _texts[index];
        return Text(kpj + 4 + BitConverter.ToInt32(_pool, kpj));
    }

    public bool Claim(int index, int half)
    {
        var claims = _claims[half];
        if (claims[index])
        {
            return false;
        }

        claims[index] = true;
        return true;
    }

    public bool Claimed(int index, int half) => _claims[half][index];

    /// <summary>Allocates both roster halves' claim flags once the part is read.</summary>
    public void PrepareClaims() => _claims = [new bool[Count], new bool[Count]];

    public int Add(long offset, ReadOnlySpan<byte> kpj, ReadOnlySpan<byte> name, ProgramSet programs, long wage)
    {
        if (Count == Offsets.Length)
        {
            var size = Count * 2;
            var (offsets, wages, sets) = (Offsets, Wages, Programs);
            Array.Resize(ref offsets, size);
            Array.Resize(ref wages, size);
            Array.Resize(ref sets, size);
            Array.Resize(ref _texts, size);
            (Offsets, Wages, Programs) = (offsets, wages, sets);
        }

        var index = Count++;
        Offsets[index] = offset;
        Wages[index] = wage;
        Programs[index] = programs;
        _texts[index] = _poolLength;
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
}
