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
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per row
    public static void CheckRow(int sourceLength, int channels, int kernelWidth, int planeLength, int start, int count)
    {
        if (channels < 1 || channels > ImageLayout.MaxChannels || count < 1 || start < 0 || start + count > planeLength
            || (long)count + (long)(kernelWidth - 1) * channels > sourceLength)
        {
            RowOutOfBounds(start, count, planeLength, sourceLength);
        }
    }

    /// <summary>Checks a column pass: <paramref name="planes"/> planes of <paramref name="planeLength"/> lanes at every offset, <paramref name="count"/> read from each.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckColumn(int rowsLength, ReadOnlySpan<nint> rowOffsets, int planeLength, int planes, int count)
    {
        if (count > planeLength)
        {
            ColumnOutOfBounds(count, planeLength);
        }

        int extent = (planes - 1) * planeLength + count;
        foreach (nint offset in rowOffsets)
        {
            if (offset < 0 || offset + extent > rowsLength)
            {
                OffsetOutOfBounds(offset, extent, rowsLength);
            }
        }
    }

    /// <summary>
    /// Checks a fused pass: <paramref name="rows"/> output rows of <paramref name="count"/> elements, each read from
    /// <paramref name="kernelHeight"/> source rows with the horizontal reach of <paramref name="kernelWidth"/> taps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckFused(
        int sourceLength, int sourceStride, int channels, int kernelWidth, int kernelHeight, int destinationLength, int destinationStride, int rows, int count)
    {
        if (channels < 1 || channels > ImageLayout.MaxChannels || rows < 1 || count < 1 || sourceStride < 0 || destinationStride < 0
            || (long)(rows + kernelHeight - 2) * sourceStride + count + (long)(kernelWidth - 1) * channels > sourceLength
            || (long)(rows - 1) * destinationStride + count > destinationLength)
        {
            FusedOutOfBounds(rows, count, sourceLength, destinationLength);
        }
    }

    // The throws live out of line, messages included, so that the checks inline into every pass cheaply.
    [DoesNotReturn]
    private static void RowOutOfBounds(int start, int count, int planeLength, int sourceLength) =>
        throw new InvalidOperationException($"Internal error: row pass out of bounds ({start}+{count} of {planeLength}, source {sourceLength}).");

    [DoesNotReturn]
    private static void ColumnOutOfBounds(int count, int planeLength) =>
        throw new InvalidOperationException($"Internal error: {count} lanes exceed the plane of {planeLength}.");

    [DoesNotReturn]
    private static void OffsetOutOfBounds(nint offset, int extent, int rowsLength) =>
        throw new InvalidOperationException($"Internal error: row offset {offset} + {extent} exceeds the buffer of {rowsLength}.");

    [DoesNotReturn]
    private static void FusedOutOfBounds(int rows, int count, int sourceLength, int destinationLength) =>
        throw new InvalidOperationException($"Internal error: fused pass of {rows} rows x {count} out of bounds (source {sourceLength}, destination {destinationLength}).");
}
