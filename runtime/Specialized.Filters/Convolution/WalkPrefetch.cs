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
    /// Bytes beyond the next step's new stretch: a step or two ahead, so that the lines arrive before the walk reaches
    /// them even where a step down the tile takes less time than a miss (8UC4 3x3 steps 128 bytes wide), and no further,
    /// since lines asked for too early are evicted again before use. Measured on an Intel Emerald Rapids (AVX-512),
    /// generated kernels, one process, calls alternating, min of 5-7, 256 / 128 bytes: 1920x1080 8UC1 3x3 216 / 199
    /// µs, 5x5 219 / 210, 8UC4 3x3 798 / 775, 16UC1 3x3 445 / 424, 32FC1 5x5 630 / 615, the other 3x3 to 13x13 rows
    /// within 1-2% (runtime kernels alike); 7680x4320 within 2% both ways (8UC1 5x5 3.59 / 3.51 ms, 32FC1 3x3 11.5 /
    /// 11.3). 512 and 1024 were slower at 1920x1080 (32FC1 11x11 1.30 / 1.57 / 1.66 ms for 256 / 512 / 1024), 0 (the
    /// next step's own lines) at 7680x4320 (8UC1 11x11 18.1 / 31.8 ms for 256 / 0).
    /// </summary>
    public const int Distance = 128;

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
