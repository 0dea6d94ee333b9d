using System.Runtime.InteropServices;

namespace Lindung.Features.Reconciliation.Exact;

/// <summary>Native memory aligned to 2 MB and, when asked and on Linux, advised to be backed by 2 MB pages (see <see cref="NativeArray{T}"/>).</summary>
internal static unsafe partial class HugePages
{
    private const nuint Size = 2 << 20;
    private const int AdviseHugePage = 14;

    /// <summary>At least <paramref name="bytes"/> bytes, not cleared; give back with <see cref="Free"/>.</summary>
    /// <param name="bytes">Bytes wanted.</param>
    /// <param name="advise">Whether to ask for 2 MB pages.</param>
    public static void* Allocate(nuint bytes, bool advise = true)
    {
        bytes = (bytes + Size - 1) & ~(Size - 1);
        var memory = NativeMemory.AlignedAlloc(bytes, Size);
        if (advise && OperatingSystem.IsLinux())
        {
            // Advice only: where transparent huge pages are off it changes nothing.
            _ = Advise((nint)memory, bytes, AdviseHugePage);
        }

        return memory;
    }

    public static void Free(void* memory) => NativeMemory.AlignedFree(memory);

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Advise(nint address, nuint length, int advice);
}
