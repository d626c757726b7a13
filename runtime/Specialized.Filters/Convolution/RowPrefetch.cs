using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Asks the CPU to start loading a source row that will be filtered a few rows from now. Images larger than the
/// caches are otherwise read with a stall at the start of every row (see <see cref="BandLayout.PrefetchSource"/> for
/// when it is used and what it measured). A hint only: it never changes a result.
/// </summary>
internal static unsafe class RowPrefetch
{
    /// <summary>How many rows ahead of the next row to filter the prefetch runs (1 to 4 measured alike; 0 was slower).</summary>
    public const int Distance = 2;

    private const int CacheLine = 64;

    public static void Fetch<T>(ReadOnlySpan<T> row)
        where T : unmanaged
    {
        if (!Sse.IsSupported)
        {
            return;
        }

        fixed (T* start = &MemoryMarshal.GetReference(row))
        {
            byte* bytes = (byte*)start;
            int length = row.Length * sizeof(T);
            for (int offset = 0; offset < length; offset += CacheLine)
            {
                Sse.Prefetch0(bytes + offset);
            }
        }
    }
}
