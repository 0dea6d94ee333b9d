using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// An array outside the managed heap: sized up front without being touched (pages never written cost
/// no memory, and it never has to be copied as it fills), and optionally on 2 MB pages. The exact
/// pass's NIK table runs to a hundred megabytes and is probed at random three times per row; with
/// 4 KB pages nearly every probe also misses the address-translation cache and walks the page tables
/// (several more memory reads, more still on a virtual machine), with 2 MB pages the whole table
/// stays mapped. 2 MB pages cost more to clear on first touch, which measured more than they saved
/// for the member tables (one random read per covered row). Elsewhere it is a plain native array.
/// </summary>
internal sealed unsafe class NativeArray<T> : IDisposable
    where T : unmanaged
{
    private readonly bool _huge;
    private T* _items;

    /// <param name="length">Elements.</param>
    /// <param name="clear">Whether they start as zero; when not, pages the caller never writes are never touched.</param>
    /// <param name="huge">Whether to ask for 2 MB pages.</param>
    public NativeArray(long length, bool clear = true, bool huge = false)
    {
        _huge = huge;
        _items = Allocate(length);
        if (clear)
        {
            Clear(_items, length * sizeof(T));
        }

        Length = length;
    }

    ~NativeArray() => Free();

    public long Length { get; private set; }

    public ref T this[long index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((ulong)index >= (ulong)Length)
            {
                ThrowOutOfRange();
            }

            return ref _items[index];
        }
    }

    public Span<T> AsSpan(long start, int length)
    {
        if ((ulong)start > (ulong)Length || (ulong)length > (ulong)(Length - start))
        {
            ThrowOutOfRange();
        }

        return new Span<T>(_items + start, length);
    }

    /// <summary>
    /// Grows (or shrinks) to <paramref name="length"/> elements, keeping the ones both sizes hold;
    /// new ones are not cleared (pages the caller never writes stay unused).
    /// </summary>
    public void Resize(long length)
    {
        var items = Allocate(length);
        Buffer.MemoryCopy(_items, items, length * sizeof(T), Math.Min(length, Length) * sizeof(T));
        Free();
        _items = items;
        Length = length;
    }

    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private T* Allocate(long length) => (T*)HugePages.Allocate((nuint)Math.Max(1, length * sizeof(T)), _huge);

    /// <summary>Zeroes the memory on every core: the first touch of each page is paid here, and it is the pass's only serial step before the reads.</summary>
    private static void Clear(T* items, long bytes)
    {
        const long Piece = 16 << 20;
        var start = (byte*)items;
        Parallel.For(0, (bytes + Piece - 1) / Piece, piece =>
            NativeMemory.Clear(start + (piece * Piece), (nuint)Math.Min(Piece, bytes - (piece * Piece))));
    }

    private void Free()
    {
        if (_items != null)
        {
            HugePages.Free(_items);
            _items = null;
            Length = 0;
        }
    }

    private static void ThrowOutOfRange() => throw new ArgumentOutOfRangeException("index");
}
