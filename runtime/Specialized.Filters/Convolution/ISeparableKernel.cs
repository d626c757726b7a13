using System;
using System.ComponentModel;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The two passes of a symmetric separable filter over images of <typeparamref name="TSrc"/>, computing in lanes of
/// <typeparamref name="TRow"/>. The engine owns everything else: validation, borders, the row ring buffer, bands and
/// threads. Implemented by the runtime's kernels and by code that Specialized.Filters.Generator emits for
/// <see cref="GaussianKernelAttribute"/> methods; not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TSrc">The image element type.</typeparam>
/// <typeparam name="TRow">The lane type of horizontally filtered rows.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ISeparableKernel<TSrc, TRow>
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
    /// <c>source[i + j * channels]</c> for the taps j = 0 .. 2 * <see cref="RadiusX"/>, so <paramref name="source"/>
    /// begins <see cref="RadiusX"/> pixels left of lane <paramref name="start"/>. <paramref name="row"/> holds
    /// <see cref="RowPlanes"/> planes of equal length.
    /// </summary>
    /// <param name="source">The source elements, starting at the leftmost tap of the first output lane.</param>
    /// <param name="channels">Interleaved channels per pixel (1 to 4): the distance between taps.</param>
    /// <param name="row">The filtered row, all planes.</param>
    /// <param name="start">The first lane to compute.</param>
    /// <param name="count">How many lanes to compute.</param>
    void FilterRow(ReadOnlySpan<TSrc> source, int channels, Span<TRow> row, int start, int count);

    /// <summary>
    /// Filters vertically: output element x is computed from lane x of the rows that start at
    /// <paramref name="rowOffsets"/> within <paramref name="rows"/> (top to bottom, one per vertical tap).
    /// </summary>
    /// <param name="rows">The buffer holding the horizontally filtered rows.</param>
    /// <param name="rowOffsets">Where each of the 2 * <see cref="RadiusY"/> + 1 rows starts in <paramref name="rows"/>.</param>
    /// <param name="planeLength">Lanes from one plane of a row to the next (at least the destination length).</param>
    /// <param name="destination">One row of the output image.</param>
    /// <param name="nonTemporal">
    /// Whether to store with non-temporal hints (<see cref="NonTemporalStores"/>): the engine asks for it for outputs larger
    /// than the caches, with the destination pinned and starting on a cache line.
    /// </param>
    void FilterColumn(ReadOnlySpan<TRow> rows, ReadOnlySpan<nint> rowOffsets, int planeLength, Span<TSrc> destination, bool nonTemporal);

    /// <summary>Whether the kernel implements <see cref="FilterFused"/>.</summary>
    bool HasFusedPass { get; }

    /// <summary>
    /// The vectors of filtered rows <see cref="FilterFused"/> keeps in registers on x86: its window of
    /// 2 * <see cref="RadiusY"/> + 1 rows, times the vectors it walks side by side, times two for split sums (not where
    /// they are summed in 32 bits instead, <see cref="IVectorOps{TVector, T}.HasWideSums"/>). The engine
    /// uses the fused pass only where they fit the machine's registers (<see cref="FusedFilter.WindowFits"/>).
    /// </summary>
    int FusedWindowVectors { get; }

    /// <summary>
    /// Whether <see cref="FilterFused"/> takes one-channel images in pairs of pixels at the widest vector width (8-bit
    /// kernels, for rows of at least two vectors): each store then writes two vectors' worth of 16-bit lanes, a whole
    /// cache line with Vector512, which the engine streams straight from the pass (<see cref="BandLayout.ChooseOutput"/>).
    /// </summary>
    bool FusedBytePairs { get; }

    /// <summary>
    /// Filters both ways in one pass, keeping the horizontally filtered rows in registers: output row i (0 to
    /// <paramref name="rows"/> - 1), lane x (0 to <paramref name="count"/> - 1) is computed from source rows i to
    /// i + 2 * <see cref="RadiusY"/>, lanes x + j * channels of each for the taps j = 0 .. 2 * <see cref="RadiusX"/>.
    /// So <paramref name="source"/> begins <see cref="RadiusY"/> rows above and <see cref="RadiusX"/> pixels left of
    /// the first output element. The result equals <see cref="FilterRow"/> followed by <see cref="FilterColumn"/>.
    /// </summary>
    /// <param name="source">The source elements.</param>
    /// <param name="sourceStride">Elements from one source row to the next.</param>
    /// <param name="channels">Interleaved channels per pixel (1 to 4): the distance between horizontal taps.</param>
    /// <param name="destination">The output elements.</param>
    /// <param name="destinationStride">Elements from one output row to the next.</param>
    /// <param name="rows">How many output rows to compute.</param>
    /// <param name="count">How many elements of each output row to compute.</param>
    /// <param name="nonTemporal">
    /// Whether to store with non-temporal hints (<see cref="NonTemporalStores"/>), as in <see cref="FilterColumn"/>: the
    /// engine asks for it with the destination pinned and every output row's first element on a cache line.
    /// </param>
    void FilterFused(ReadOnlySpan<TSrc> source, int sourceStride, int channels, Span<TSrc> destination, int destinationStride, int rows, int count, bool nonTemporal);
}
