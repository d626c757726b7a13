using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Runs an <see cref="ISeparableKernel{TSrc, TRow}"/> over an image: extrapolates borders, keeps a ring buffer of
/// horizontally filtered rows (never a full-size intermediate image), cuts wide images into vertical strips so that
/// the ring stays in cache, and splits the image into row bands that run on separate threads. Bands and strips
/// compute exactly what a single pass computes, so the result never depends on them.
/// </summary>
internal static unsafe class SeparableFilter
{
    /// <summary>Bands shorter than this are not worth a thread.</summary>
    private const int MinimumBandHeight = 32;

    /// <param name="kernel">The passes.</param>
    /// <param name="source">The source image.</param>
    /// <param name="destination">The destination image, possibly exactly the source.</param>
    /// <param name="border">The border mode, resolved.</param>
    /// <param name="degreeOfParallelism">The most row bands to run at once.</param>
    /// <param name="output">How to store output rows; null chooses by the image's size (<see cref="BandLayout.ChooseOutput"/>).</param>
    /// <param name="fuseLargeWindows">Whether to use the kernel's fused pass even where its window does not fit the registers.</param>
    public static void Run<TSrc, TRow, TKernel>(
        TKernel kernel, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int degreeOfParallelism, OutputStores? output = null,
        bool fuseLargeWindows = false)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        // In place, a strip's horizontal reach would read pixels the strip to its left has already overwritten.
        bool inPlace = source.Data.Overlaps(destination.Data);
        long imageBytes = 2L * source.Height * source.RowLength * sizeof(TSrc);
        BandLayout.RingSize ring = BandLayout.ChooseRing(imageBytes, sizeof(TSrc), (2 * kernel.RadiusY + 1) * kernel.RowPlanes * sizeof(TRow));
        bool fused = output is null
            && (fuseLargeWindows || FusedFilter.WindowFits(kernel.FusedWindowVectors))
            && FusedFilter.Fits(kernel.HasFusedPass, inPlace, source.Height, source.RowLength, source.Channels, kernel.RadiusX, kernel.RadiusY);
        bool rowsOnLines = (long)destination.Stride * sizeof(TSrc) % NonTemporal.CacheLine == 0;
        bool fusedOnLines = fused && rowsOnLines;
        var layout = new BandLayout(
            source.RowLength, source.Channels, kernel.RadiusX, kernel.RadiusY, kernel.RowPlanes, sizeof(TRow), ring,
            singleStrip: inPlace, prefetchSource: imageBytes >= BandLayout.PrefetchedImageBytes,
            output ?? BandLayout.ChooseOutput(imageBytes, sizeof(TSrc), sizeof(TRow), fusedOnLines, fusedOnLines && source.Channels == 1 && kernel.FusedBytePairs, LastLevelCache.Bytes));
        int bands = Math.Max(1, Math.Min(Math.Min(degreeOfParallelism, source.Height / MinimumBandHeight), BandScheduler.MaxPieces));
        if (fused && FusedFilter.Applies(layout, rowsOnLines))
        {
            FusedFilter.Run<TSrc, TRow, TKernel>(kernel, layout, source, destination, border, bands);
        }
        else if (bands == 1)
        {
            RunBand<TSrc, TRow, TKernel>(kernel, layout, source, destination, border, 0, source.Height);
        }
        else
        {
            RunParallel<TSrc, TRow, TKernel>(kernel, layout, source, destination, border, bands, inPlace);
        }
    }

    /// <summary>Filters output rows [<paramref name="y0"/>, <paramref name="y1"/>) on the calling thread.</summary>
    internal static void RunBand<TSrc, TRow, TKernel>(
        TKernel kernel, BandLayout layout, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int y0, int y1)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        var band = new Band<TSrc, TRow, TKernel>(kernel, layout, border, source.Width, y0, y1);
        try
        {
            // Streamed rows find their cache-line boundaries by address: the destination must not move.
            fixed (TSrc* pinned = destination.Data)
            {
                band.FilterAllStrips(source, destination);
            }
        }
        finally
        {
            band.Dispose();
        }
    }

    private static void RunParallel<TSrc, TRow, TKernel>(
        TKernel kernel, BandLayout layout, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int bandCount, bool inPlace)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        Band<TSrc, TRow, TKernel>[] bands = ScratchPool<Band<TSrc, TRow, TKernel>>.Rent(bandCount);
        int height = source.Height, built = 0;
        try
        {
            // Inside the try: a band that cannot get its rows (out of memory) leaves those built before it to unpin.
            for (; built < bandCount; built++)
            {
                bands[built] = new Band<TSrc, TRow, TKernel>(
                    kernel, layout, border, source.Width, (int)((long)height * built / bandCount), (int)((long)height * (built + 1) / bandCount));
            }

            // Spans cannot cross threads; the buffers stay pinned for the duration of the call instead.
            fixed (TSrc* sourcePointer = source.Data)
            fixed (TSrc* destinationPointer = destination.Data)
            {
                var image = new PinnedImages<TSrc>(sourcePointer, source, destinationPointer, destination);
                if (inPlace)
                {
                    // Halo rows of one band are own rows of its neighbour: all halos are filtered before any band
                    // writes, otherwise the neighbour could have overwritten them. (In place there is one strip.)
                    BandScheduler<BandWork<TSrc, TRow, TKernel>>.Run(new(bands, image, BandStep.HaloOnly), bandCount);
                    BandScheduler<BandWork<TSrc, TRow, TKernel>>.Run(new(bands, image, BandStep.OwnRowsOnly), bandCount);
                }
                else
                {
                    BandScheduler<BandWork<TSrc, TRow, TKernel>>.Run(new(bands, image, BandStep.Everything), bandCount);
                }
            }
        }
        finally
        {
            for (int i = 0; i < built; i++)
            {
                bands[i].Dispose();
            }

            ScratchPool<Band<TSrc, TRow, TKernel>>.Return(bands);
        }
    }

    private enum BandStep
    {
        Everything,
        HaloOnly,
        OwnRowsOnly,
    }

    /// <summary>One step of every band of a parallel call; piece i is band i.</summary>
    private readonly struct BandWork<TSrc, TRow, TKernel>(Band<TSrc, TRow, TKernel>[] bands, PinnedImages<TSrc> image, BandStep step) : IBandWork
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        public void Run(int index)
        {
            switch (step)
            {
                case BandStep.HaloOnly:
                    bands[index].FilterHalo(image.Source, 0);
                    break;
                case BandStep.OwnRowsOnly:
                    bands[index].FilterOwnRows(image.Source, image.Destination, 0);
                    break;
                default:
                    bands[index].FilterAllStrips(image.Source, image.Destination);
                    break;
            }
        }
    }

    /// <summary>One band of output rows [Y0, Y1) with its own pooled working rows, reused strip after strip.</summary>
    private readonly struct Band<TSrc, TRow, TKernel> : IDisposable
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        private readonly TKernel _kernel;
        private readonly BandLayout _layout;
        private readonly BorderMode _border;
        private readonly AlignedLanes<TRow> _lanes;
        private readonly TSrc[] _padded;
        private readonly AlignedLanes<TSrc> _staged;
        private readonly int[] _borderDonors;
        private readonly nint[] _rowOffsets;
        private readonly int _y0;
        private readonly int _y1;

        public Band(TKernel kernel, BandLayout layout, BorderMode border, int width, int y0, int y1)
        {
            _kernel = kernel;
            _layout = layout;
            _border = border;
            _y0 = y0;
            _y1 = y1;
            _lanes = new AlignedLanes<TRow>(layout.TotalLength);
            try
            {
                _padded = ScratchPool<TSrc>.Rent(layout.PaddedLength);
                _staged = layout.Output == OutputStores.StreamedFromRowBuffer ? new AlignedLanes<TSrc>(layout.StripLength) : default;
                _borderDonors = BorderDonors.Rent(layout, width, border);
                _rowOffsets = ScratchPool<nint>.Rent(layout.KernelHeight);
            }
            catch
            {
                // Out of memory: the pinned rows would otherwise stay pinned for good. (Rented arrays go to the collector.)
                _lanes.Dispose();
                _staged.Dispose();
                throw;
            }
        }

        public void FilterAllStrips(ImageView<TSrc> source, ImageSpan<TSrc> destination)
        {
            for (int strip = 0; strip < _layout.StripCount; strip++)
            {
                FilterHalo(source, strip);
                FilterOwnRows(source, destination, strip);
            }
        }

        /// <summary>Filters the rows above and below the band (real or extrapolated) into the halo slots.</summary>
        public void FilterHalo(ImageView<TSrc> source, int strip)
        {
            for (int k = 0; k < _layout.RadiusY; k++)
            {
                FilterVirtualRow(source, _y0 - 1 - k, strip);
                FilterVirtualRow(source, _y1 + k, strip);
            }
        }

        /// <summary>Writes the band's output rows within a strip. Each own source row is read before the band overwrites it.</summary>
        public void FilterOwnRows(ImageView<TSrc> source, ImageSpan<TSrc> destination, int strip)
        {
            (int start, int end) = _layout.Strip(strip);
            int ry = _layout.RadiusY;
            Span<nint> offsets = _rowOffsets.AsSpan(0, _layout.KernelHeight);
            ReadOnlySpan<TRow> rows = _lanes.Span;
            int reachStart = Math.Max(0, start - _layout.Border);
            int reachLength = Math.Min(_layout.RowLength, end + _layout.Border) - reachStart;
            for (int j = 1; j < offsets.Length; j++)
            {
                offsets[j] = _layout.SlotOffset(_layout.SlotOf(_y0 - ry + j - 1, _y0, _y1));
            }

            int next = _y0;
            for (int y = _y0; y < _y1; y++)
            {
                for (int last = Math.Min(y + ry, _y1 - 1); next <= last; next++)
                {
                    FilterVirtualRow(source, next, strip);
                }

                // The window moves down one row: shift the offsets and look up only the new row's slot.
                for (int j = 1; j < offsets.Length; j++)
                {
                    offsets[j - 1] = offsets[j];
                }

                offsets[^1] = _layout.SlotOffset(_layout.SlotOf(y + ry, _y0, _y1));

                if (_layout.PrefetchSource && next + RowPrefetch.Distance < _y1)
                {
                    RowPrefetch.Fetch(source.Row(next + RowPrefetch.Distance).Slice(reachStart, reachLength));
                }

                Span<TSrc> target = destination.Row(y)[start..end];
                switch (_layout.Output)
                {
                    case OutputStores.Streamed:
                        FilterColumnStreamed(rows, offsets, target);
                        break;
                    case OutputStores.StreamedFromRowBuffer:
                        Span<TSrc> buffered = _staged.Span[..target.Length];
                        _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, buffered, nonTemporal: false);
                        NonTemporal.Copy<TSrc>(buffered, target);
                        break;
                    default:
                        _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, target, nonTemporal: false);
                        break;
                }
            }

            if (_layout.Output != OutputStores.Cached)
            {
                NonTemporal.Fence();
            }
        }

        /// <summary>
        /// Filters one output row with streaming stores (<see cref="OutputStores.Streamed"/>) on the whole cache lines
        /// in its middle and plain stores at its ends (<see cref="NonTemporal.StreamedRange"/>).
        /// </summary>
        private void FilterColumnStreamed(ReadOnlySpan<TRow> rows, Span<nint> offsets, Span<TSrc> target)
        {
            int vector = Math.Min(NonTemporal.CacheLine / sizeof(TSrc), NonTemporal.CacheLine / sizeof(TRow)); // the widest vector's lanes
            (int head, int end) = NonTemporal.StreamedRange((TSrc*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(target)), target.Length, vector);
            if (head < 0)
            {
                _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, target, nonTemporal: false);
                return;
            }

            if (head > 0)
            {
                _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, target[..head], nonTemporal: false);
            }

            ShiftAll(offsets, head);
            _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, target[head..end], nonTemporal: true);
            ShiftAll(offsets, end - head);
            if (end < target.Length)
            {
                _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, target[end..], nonTemporal: false);
            }

            ShiftAll(offsets, -end);
        }

        private static void ShiftAll(Span<nint> offsets, int by)
        {
            for (int j = 0; j < offsets.Length; j++)
            {
                offsets[j] += by;
            }
        }

        /// <summary>Filters virtual row <paramref name="v"/> (any integer) horizontally, within a strip, into its slot.</summary>
        private void FilterVirtualRow(ImageView<TSrc> source, int v, int strip)
        {
            Span<TRow> slot = _lanes.Span.Slice(_layout.SlotOffset(_layout.SlotOf(v, _y0, _y1)), _layout.SlotLength);
            int y = BorderInterpolation.Interpolate(v, source.Height, _border);
            if (y < 0)
            {
                slot.Clear(); // constant border: a row of zeros filters to zeros
                return;
            }

            (int start, int end) = _layout.Strip(strip);
            FilterRange(source.Row(y), slot, start, end);
        }

        /// <summary>
        /// Filters elements [<paramref name="start"/>, <paramref name="end"/>) of a row into lanes [0, end - start) of
        /// <paramref name="slot"/>. The interior reads the source row in place; only the parts whose taps reach outside
        /// the image go through the padded buffer (no copy of the whole row).
        /// </summary>
        private void FilterRange(ReadOnlySpan<TSrc> row, Span<TRow> slot, int start, int end)
        {
            int border = _layout.Border;
            int interiorStart = Math.Max(start, border);
            int interiorEnd = Math.Min(end, row.Length - border);
            if (interiorEnd - interiorStart < MinimumInPlaceLength)
            {
                // Little or no interior: one padded pass costs less than three small ones.
                FilterPadded(row, slot, start, start, end);
                return;
            }

            if (start < interiorStart)
            {
                FilterPadded(row, slot, start, start, interiorStart);
            }

            _kernel.FilterRow(row[(interiorStart - border)..], _layout.Channels, slot, interiorStart - start, interiorEnd - interiorStart);
            if (interiorEnd < end)
            {
                FilterPadded(row, slot, start, interiorEnd, end);
            }
        }

        /// <summary>Interiors shorter than this (in elements) are padded with their edges rather than read in place.</summary>
        private const int MinimumInPlaceLength = 256;

        /// <summary>Filters elements [<paramref name="from"/>, <paramref name="to"/>) through a padded copy of their reach.</summary>
        private void FilterPadded(ReadOnlySpan<TSrc> row, Span<TRow> slot, int stripStart, int from, int to)
        {
            int border = _layout.Border;
            int n = row.Length;
            int low = from - border, high = to + border;
            Span<TSrc> padded = _padded.AsSpan(0, high - low);
            ReadOnlySpan<int> donors = _borderDonors.AsSpan(0, 2 * border);
            int inside = Math.Max(low, 0), insideEnd = Math.Min(high, n);
            for (int e = low; e < Math.Min(0, high); e++)
            {
                padded[e - low] = BorderDonors.Element(row, donors[e + border]);
            }

            if (inside < insideEnd)
            {
                row[inside..insideEnd].CopyTo(padded[(inside - low)..]);
            }

            for (int e = Math.Max(n, low); e < high; e++)
            {
                padded[e - low] = BorderDonors.Element(row, donors[border + e - n]);
            }

            _kernel.FilterRow(padded, _layout.Channels, slot, from - stripStart, to - from);
        }

        public void Dispose()
        {
            _lanes.Dispose();
            _staged.Dispose();
            ScratchPool<TSrc>.Return(_padded);
            ScratchPool<int>.Return(_borderDonors);
            ScratchPool<nint>.Return(_rowOffsets);
        }
    }
}
