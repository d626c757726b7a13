using System;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The two passes of a symmetric separable filter over images of <typeparamref name="TSrc"/>, computing in lanes of
/// <typeparamref name="TRow"/>. <see cref="SeparableFilter"/> owns everything else: borders, the row ring buffer,
/// bands and threads.
/// </summary>
internal interface ISeparableKernel<TSrc, TRow>
    where TSrc : unmanaged
    where TRow : unmanaged
{
    /// <summary>Half the horizontal kernel size.</summary>
    int RadiusX { get; }

    /// <summary>Half the vertical kernel size.</summary>
    int RadiusY { get; }

    /// <summary>How many planes of <c>width * channels</c> lanes one filtered row occupies (1, or 2 for split sums).</summary>
    int RowPlanes { get; }

    /// <summary>
    /// Filters one row horizontally. <paramref name="padded"/> holds the row with <see cref="RadiusX"/> extrapolated
    /// pixels on each side; <paramref name="taps"/> are the element offsets of the kernel taps (tap j at
    /// <c>j * channels</c>); <paramref name="destination"/> receives <see cref="RowPlanes"/> planes of lanes.
    /// </summary>
    void FilterRow(ReadOnlySpan<TSrc> padded, ReadOnlySpan<nint> taps, Span<TRow> destination);

    /// <summary>
    /// Filters vertically: output element x is computed from lane x of the rows that start at
    /// <paramref name="rowOffsets"/> within <paramref name="rows"/> (top to bottom, one per vertical tap).
    /// </summary>
    void FilterColumn(ReadOnlySpan<TRow> rows, ReadOnlySpan<nint> rowOffsets, Span<TSrc> destination);
}
