using System;
using System.Buffers;
using System.Threading.Tasks;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Runs an <see cref="ISeparableKernel{TSrc, TRow}"/> over an image: extrapolates borders, keeps a ring buffer of
/// horizontally filtered rows (never a full-size intermediate image), and splits the image into row bands
/// that run on separate threads. Bands compute exactly what a single pass computes, so the result never depends
/// on the thread count.
/// </summary>
internal static unsafe class SeparableFilter
{
    /// <summary>Bands shorter than this are not worth a thread.</summary>
    private const int MinimumBandHeight = 32;

    /// <summary>Rows at least this long (in elements) are filtered in place with padded edges, not copied whole.</summary>
    private const int MinimumInPlaceRowLength = 256;

    public static void Run<TSrc, TRow, TKernel>(
        TKernel kernel, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int degreeOfParallelism)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        var layout = new BandLayout(source.Width, source.Channels, kernel.RadiusX, kernel.RadiusY, kernel.RowPlanes, AlignedLanes<TRow>.CacheLine / sizeof(TRow));
        int bands = Math.Max(1, Math.Min(degreeOfParallelism, source.Height / MinimumBandHeight));
        if (bands == 1)
        {
            var band = new Band<TSrc, TRow, TKernel>(kernel, layout, border, source.Width, source.Height, 0, source.Height);
            try
            {
                band.FilterHalo(source);
                band.FilterOwnRows(source, destination);
            }
            finally
            {
                band.Dispose();
            }
        }
        else
        {
            RunParallel<TSrc, TRow, TKernel>(kernel, layout, source, destination, border, bands);
        }
    }

    private static void RunParallel<TSrc, TRow, TKernel>(
        TKernel kernel, BandLayout layout, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int bandCount)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        var bands = new Band<TSrc, TRow, TKernel>[bandCount];
        int height = source.Height;
        for (int i = 0; i < bandCount; i++)
        {
            bands[i] = new Band<TSrc, TRow, TKernel>(
                kernel, layout, border, source.Width, height, (int)((long)height * i / bandCount), (int)((long)height * (i + 1) / bandCount));
        }

        try
        {
            // Spans cannot cross threads; the buffers stay pinned for the duration of the call instead.
            fixed (TSrc* sourcePointer = source.Data)
            fixed (TSrc* destinationPointer = destination.Data)
            {
                var image = new PinnedImages<TSrc>(
                    (nint)sourcePointer, source.Data.Length, (nint)destinationPointer, destination.Data.Length,
                    source.Width, source.Height, source.Channels, source.Stride, destination.Stride);

                // Halo rows of one band are own rows of its neighbour: all halos are filtered before any band
                // writes, otherwise an in-place neighbour could have overwritten them.
                Parallel.For(0, bandCount, i => bands[i].FilterHalo(image.Source));
                Parallel.For(0, bandCount, i => bands[i].FilterOwnRows(image.Source, image.Destination));
            }
        }
        finally
        {
            foreach (var band in bands)
            {
                band.Dispose();
            }
        }
    }

    /// <summary>Source and destination as raw pinned memory, so that worker threads can rebuild their views.</summary>
    private readonly struct PinnedImages<T>(
        nint source, int sourceLength, nint destination, int destinationLength, int width, int height, int channels, int sourceStride, int destinationStride)
        where T : unmanaged
    {
        public ImageView<T> Source => new(new ReadOnlySpan<T>((void*)source, sourceLength), width, height, channels, sourceStride);

        public ImageSpan<T> Destination => new(new Span<T>((void*)destination, destinationLength), width, height, channels, destinationStride);
    }

    /// <summary>One band of output rows [Y0, Y1) with its own pooled working rows.</summary>
    private readonly struct Band<TSrc, TRow, TKernel> : IDisposable
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        private readonly TKernel _kernel;
        private readonly BandLayout _layout;
        private readonly BorderMode _border;
        private readonly AlignedLanes<TRow> _lanes;
        private readonly AlignedLanes<TSrc> _scratch;
        private readonly bool _streaming;
        private readonly TSrc[] _padded;
        private readonly int[] _borderDonors;
        private readonly nint[] _rowOffsets;
        private readonly int _y0;
        private readonly int _y1;

        public Band(TKernel kernel, BandLayout layout, BorderMode border, int width, int height, int y0, int y1)
        {
            _kernel = kernel;
            _layout = layout;
            _border = border;
            _y0 = y0;
            _y1 = y1;
            _lanes = new AlignedLanes<TRow>(layout.TotalLength);
            _streaming = StreamingStore.IsWorthwhile<TSrc>(layout.RowLength, height);
            _scratch = _streaming ? new AlignedLanes<TSrc>(layout.RowLength) : default;
            _padded = ArrayPool<TSrc>.Shared.Rent(layout.PaddedLength);
            _borderDonors = ComputeBorderDonors(layout, width, border);
            _rowOffsets = ArrayPool<nint>.Shared.Rent(layout.KernelHeight);
        }

        private Span<TSrc> Padded => _padded.AsSpan(0, _layout.PaddedLength);

        /// <summary>Filters the rows above and below the band (real or extrapolated) into the halo slots.</summary>
        public void FilterHalo(ImageView<TSrc> source)
        {
            for (int k = 0; k < _layout.RadiusY; k++)
            {
                FilterVirtualRow(source, _y0 - 1 - k);
                FilterVirtualRow(source, _y1 + k);
            }
        }

        /// <summary>Writes the band's output rows. Each own source row is read before the band overwrites it.</summary>
        public void FilterOwnRows(ImageView<TSrc> source, ImageSpan<TSrc> destination)
        {
            int ry = _layout.RadiusY;
            Span<nint> offsets = _rowOffsets.AsSpan(0, _layout.KernelHeight);
            ReadOnlySpan<TRow> rows = _lanes.Span;
            int next = _y0;
            for (int y = _y0; y < _y1; y++)
            {
                for (int last = Math.Min(y + ry, _y1 - 1); next <= last; next++)
                {
                    FilterVirtualRow(source, next);
                }

                for (int j = 0; j < offsets.Length; j++)
                {
                    offsets[j] = _layout.SlotOffset(_layout.SlotOf(y - ry + j, _y0, _y1));
                }

                if (next + RowPrefetch.Distance < _y1)
                {
                    RowPrefetch.Fetch(source.Row(next + RowPrefetch.Distance));
                }

                if (_streaming)
                {
                    Span<TSrc> scratch = _scratch.Span;
                    _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, scratch);
                    StreamingStore.Copy<TSrc>(scratch, destination.Row(y));
                }
                else
                {
                    _kernel.FilterColumn(rows, offsets, _layout.PlaneLength, destination.Row(y));
                }
            }

            if (_streaming)
            {
                StreamingStore.Fence();
            }
        }

        /// <summary>Filters virtual row <paramref name="v"/> (any integer) horizontally into its slot.</summary>
        private void FilterVirtualRow(ImageView<TSrc> source, int v)
        {
            Span<TRow> slot = _lanes.Span.Slice(_layout.SlotOffset(_layout.SlotOf(v, _y0, _y1)), _layout.SlotLength);
            int y = BorderInterpolation.Interpolate(v, source.Height, _border);
            if (y < 0)
            {
                slot.Clear(); // constant border: a row of zeros filters to zeros
                return;
            }

            ReadOnlySpan<TSrc> row = source.Row(y);
            int n = row.Length;
            int border = _layout.RadiusX * _layout.Channels;
            if (border == 0)
            {
                _kernel.FilterRow(row, _layout.Channels, slot, 0, n);
                return;
            }

            Span<TSrc> padded = Padded;
            if (n < Math.Max(4 * border, MinimumInPlaceRowLength))
            {
                // Short rows: pad the whole row once (three small passes would cost more than the copy).
                row.CopyTo(padded.Slice(border, n));
                Extrapolate(row, padded[..border], padded.Slice(border + n, border));
                _kernel.FilterRow(padded, _layout.Channels, slot, 0, n);
                return;
            }

            // Wide rows: the interior reads the source row in place; only the two edges, which need pixels from
            // outside the image, go through a small padded buffer (no copy of the whole row).
            Span<TSrc> left = padded[..(3 * border)];
            Span<TSrc> right = padded.Slice(3 * border, 3 * border);
            Extrapolate(row, left[..border], right.Slice(2 * border, border));
            row[..(2 * border)].CopyTo(left[border..]);
            row[(n - 2 * border)..].CopyTo(right);
            _kernel.FilterRow(left, _layout.Channels, slot, 0, border);
            _kernel.FilterRow(row, _layout.Channels, slot, border, n - 2 * border);
            _kernel.FilterRow(right, _layout.Channels, slot, n - border, border);
        }

        /// <summary>Fills the extrapolated elements left and right of <paramref name="row"/> from their donors.</summary>
        private void Extrapolate(ReadOnlySpan<TSrc> row, Span<TSrc> left, Span<TSrc> right)
        {
            ReadOnlySpan<int> donors = _borderDonors.AsSpan(0, 2 * left.Length);
            for (int i = 0; i < left.Length; i++)
            {
                int l = donors[i];
                left[i] = l < 0 ? default : row[l];
                int r = donors[left.Length + i];
                right[i] = r < 0 ? default : row[r];
            }
        }

        /// <summary>
        /// For each extrapolated element (left border, then right border), the element of the source row it copies,
        /// or -1 for a constant-border zero. The same for every row, so computed once per band.
        /// </summary>
        private static int[] ComputeBorderDonors(BandLayout layout, int width, BorderMode border)
        {
            int cn = layout.Channels;
            int size = layout.RadiusX * cn;
            int[] donors = ArrayPool<int>.Shared.Rent(Math.Max(1, 2 * size));
            for (int i = 0; i < size; i++)
            {
                int c = i % cn;
                int left = BorderInterpolation.Interpolate(i / cn - layout.RadiusX, width, border);
                int right = BorderInterpolation.Interpolate(width + i / cn, width, border);
                donors[i] = left < 0 ? -1 : left * cn + c;
                donors[size + i] = right < 0 ? -1 : right * cn + c;
            }

            return donors;
        }

        public void Dispose()
        {
            _lanes.Dispose();
            _scratch.Dispose();
            ArrayPool<TSrc>.Shared.Return(_padded);
            ArrayPool<int>.Shared.Return(_borderDonors);
            ArrayPool<nint>.Shared.Return(_rowOffsets);
        }
    }
}
