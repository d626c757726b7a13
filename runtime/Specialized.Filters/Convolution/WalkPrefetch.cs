using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Prefetching for the fused pass, which walks down a tile a few vectors wide at a time and then steps right: each
/// step reads, in every row of the tile, the cache lines the step before it left off at plus one new stretch. Rows are
/// a whole image row apart, so the hardware prefetchers do not see the walk coming, and each new stretch would reach
/// the core only when a load stalls on it: with the rows of a tile in the last-level cache or beyond, a step waited on
/// a miss in every row. So each row of a step asks for its stretch of a step a few steps ahead. Measured at 1920x1080
/// in one process, calls alternating, without and with: 32FC1 5x5 2.1 / 0.50 ms, 11x11 2.5 / 1.2, 8UC4 5x5 1.9 /
/// 1.1, 7x7 3.4 / 2.6; images that fit the caches alike (640x360 8UC4 3x3 77 / 78 µs). Output rows written through the
/// cache get the same hint, since each store waits for its line too: 8UC4 3x3 685 / 612 µs, 7x7 1884 / 1748, the
/// others within 2%. A hint only: it never changes a result.
/// </summary>
internal static unsafe class WalkPrefetch
{
    /// <summary>
    /// Bytes beyond the next step's new stretch: a few steps ahead, so that the lines arrive before the walk reaches
    /// them even where a step down the tile takes less time than a miss (8UC4 3x3 steps 128 bytes wide).
    /// </summary>
    public const int Distance = 256;

    private const int CacheLine = 64;

    /// <summary>
    /// Asks for the <paramref name="stepBytes"/> bytes (at most four lines are asked for) that lie <see cref="Distance"/>
    /// bytes beyond element <paramref name="offset"/> of <paramref name="origin"/>: the first element the next step reads
    /// that this one does not.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Ahead<T>(ref T origin, nint offset, int stepBytes)
        where T : unmanaged
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        // An address, not a reference: it may lie past the image (the last steps of the last rows), which a prefetch
        // ignores, and the array may move under it, which costs one useless prefetch.
        byte* at = (byte*)Unsafe.AsPointer(ref origin) + offset * sizeof(T) + Distance;
        Sse.Prefetch0(at);
        if (stepBytes > CacheLine)
        {
            Sse.Prefetch0(at + CacheLine);
        }

        if (stepBytes > 2 * CacheLine)
        {
            Sse.Prefetch0(at + 2 * CacheLine);
        }

        if (stepBytes > 3 * CacheLine)
        {
            Sse.Prefetch0(at + 3 * CacheLine);
        }
    }
}
