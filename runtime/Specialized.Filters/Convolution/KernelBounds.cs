using System;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Guards the passes, which read through unchecked references: every tap of every lane must lie inside the
/// span it reads. Violations are engine bugs, so they throw rather than read out of bounds.
/// </summary>
internal static class KernelBounds
{
    /// <summary>Checks a row pass: lanes [start, start + count) of a plane, source read at [0, count + last tap).</summary>
    public static void CheckRow(int sourceLength, ReadOnlySpan<nint> taps, int planeLength, int start, int count)
    {
        if (count < 1 || start < 0 || start + count > planeLength)
        {
            throw new InvalidOperationException($"Internal error: lanes [{start}, {start + count}) exceed the row of {planeLength}.");
        }

        Check(sourceLength, taps, count);
    }

    /// <summary>Checks a column pass: <paramref name="planes"/> planes of <paramref name="planeLength"/> lanes at every offset, <paramref name="count"/> read from each.</summary>
    public static void CheckColumn(int rowsLength, ReadOnlySpan<nint> rowOffsets, int planeLength, int planes, int count)
    {
        if (count > planeLength)
        {
            throw new InvalidOperationException($"Internal error: {count} lanes exceed the plane of {planeLength}.");
        }

        Check(rowsLength, rowOffsets, (planes - 1) * planeLength + count);
    }

    public static void Check(int sourceLength, ReadOnlySpan<nint> taps, int extent)
    {
        foreach (nint tap in taps)
        {
            if (tap < 0 || tap + extent > sourceLength)
            {
                throw new InvalidOperationException($"Internal error: tap offset {tap} + {extent} exceeds the buffer of {sourceLength}.");
            }
        }
    }
}
