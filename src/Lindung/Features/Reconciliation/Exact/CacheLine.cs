using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>
/// Asks the processor to start loading a memory location into the cache. The exact pass looks up
/// millions of keys in tables far larger than the cache, one row at a time with parsing in between,
/// so each miss is paid in full; fetching a whole batch's locations first lets the misses overlap.
/// </summary>
internal static class CacheLine
{
    /// <summary>Rows whose look-ups are fetched together: enough misses in flight to hide their latency, few enough to stay cached.</summary>
    public const int Batch = 64;

    // A prefetch never faults, so an address made stale by the garbage collector moving the array costs nothing.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T location)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
    }
}
