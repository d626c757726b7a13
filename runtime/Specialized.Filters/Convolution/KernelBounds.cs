using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Guards the passes, which read through unchecked references: every tap of every lane must lie inside the
/// span it reads. Violations are engine bugs, so they throw rather than read out of bounds.
/// </summary>
internal static class KernelBounds
{
    /// <summary>
    /// Checks a row pass of a <paramref name="kernelWidth"/>-tap kernel: lanes [start, start + count) of a plane, the
    /// source read at [0, count + (kernelWidth - 1) * channels).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per row; the throw stays out of line
    public static void CheckRow(int sourceLength, int channels, int kernelWidth, int planeLength, int start, int count)
    {
        if (channels < 1 || channels > ImageLayout.MaxChannels || count < 1 || start < 0 || start + count > planeLength
            || (long)count + (long)(kernelWidth - 1) * channels > sourceLength)
        {
            Fail($"Internal error: row pass out of bounds ({start}+{count} of {planeLength}, source {sourceLength}).");
        }
    }

    /// <summary>Checks a column pass: <paramref name="planes"/> planes of <paramref name="planeLength"/> lanes at every offset, <paramref name="count"/> read from each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckColumn(int rowsLength, ReadOnlySpan<nint> rowOffsets, int planeLength, int planes, int count)
    {
        if (count > planeLength)
        {
            Fail($"Internal error: {count} lanes exceed the plane of {planeLength}.");
        }

        int extent = (planes - 1) * planeLength + count;
        foreach (nint offset in rowOffsets)
        {
            if (offset < 0 || offset + extent > rowsLength)
            {
                Fail($"Internal error: row offset {offset} + {extent} exceeds the buffer of {rowsLength}.");
            }
        }
    }

    [DoesNotReturn]
    private static void Fail(string message) => throw new InvalidOperationException(message);
}
