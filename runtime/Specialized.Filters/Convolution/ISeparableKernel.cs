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
    /// Filters part of one row horizontally: lanes [<paramref name="start"/>, <paramref name="start"/> +
    /// <paramref name="count"/>) of each plane of <paramref name="row"/>, where lane <c>start + i</c> is computed from
    /// <c>source[i + taps[j]]</c> (tap j at <c>j * channels</c>, so <paramref name="source"/> begins
    /// <see cref="RadiusX"/> pixels left of lane <paramref name="start"/>). <paramref name="row"/> holds
    /// <see cref="RowPlanes"/> planes of equal length.
    /// </summary>
    void FilterRow(ReadOnlySpan<TSrc> source, ReadOnlySpan<nint> taps, Span<TRow> row, int start, int count);

    /// <summary>
    /// Filters vertically: output element x is computed from lane x of the rows that start at
    /// <paramref name="rowOffsets"/> within <paramref name="rows"/> (top to bottom, one per vertical tap).
    /// </summary>
    void FilterColumn(ReadOnlySpan<TRow> rows, ReadOnlySpan<nint> rowOffsets, Span<TSrc> destination);
}
