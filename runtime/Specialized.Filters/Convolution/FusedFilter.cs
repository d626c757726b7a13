using System;
using System.Buffers;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Runs a kernel's fused pass (<see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>), which keeps the horizontally
/// filtered rows in registers instead of a ring buffer, over the rows whose vertical taps all lie inside the image:
/// rows [RadiusY, Height - RadiusY), in tiles of <see cref="TileRows"/>, in parallel bands. The first and last RadiusY
/// rows go through the ring engine (<see cref="SeparableFilter"/>), in the first and the last band. In each tile the interior of the rows is read in
/// place; the edges, whose taps reach past the ends of the row, read a small padded copy of their reach. Every
/// element is computed exactly as the ring engine computes it.
/// </summary>
internal static unsafe class FusedFilter
{
    /// <summary>
    /// Output rows per fused call. Each call filters 2 * RadiusY rows more than it writes, so taller tiles filter less
    /// twice; shorter ones keep the rows a call walks down within the first-level TLB and caches. Measured at 1920x1080
    /// in one process, calls alternating, tiles of 16 / 24 / 32 / 48 rows: 32FC1 5x5 471 / 476 / 435 / 469 µs, 8UC1 5x5
    /// 170 / 161 / 157 / 161, 16UC1 5x5 295 / 281 / 265 / 263, 8UC4 3x3 447 / 507 / 426 / 540; the ring of rows took
    /// 706, 185, 337 and 765 µs. Prefetching the next tile's source rows before each tile made it slower (32FC1 5x5
    /// 364 to 391 µs, 8UC4 5x5 597 to 764).
    /// </summary>
    public const int TileRows = 32;

    /// <summary>
    /// Tiles per piece of a parallel call (<see cref="BandScheduler{TWork}"/>): more pieces than threads, so that a
    /// thread slowed by other work on its core takes fewer of them. Pieces cost nothing extra, since tiles are
    /// independent anyway. Measured at 1920x1080 on 2 threads, calls alternating, the two halves as two pieces against
    /// pieces of 4 tiles: 16UC1 5x5 213 / 177 µs, 8UC4 5x5 458 / 358, 8UC3 7x7 681 / 631, 8UC1 5x5 92 / 93.
    /// </summary>
    private const int TilesPerPiece = 4;

    /// <summary>
    /// Whether to use the fused pass: the kernel has one, the image has rows with all vertical taps inside and elements
    /// with all horizontal taps inside, the output is not written over the source (a tile would overwrite rows the next
    /// one reads), and the output is stored through the cache (<see cref="BandLayout.ChooseOutput"/>). Images that
    /// stream their output stay with the ring, whose streaming stores were faster: at 7680x4320 the fused pass with
    /// plain stores took 8UC1 3x3 5.1 ms against 3.6, 16UC1 5x5 11.4 against 8.6, 32FC1 3x3 16.3 against 10.8.
    /// </summary>
    public static bool Applies(bool hasFusedPass, bool inPlace, BandLayout layout, int height) =>
        hasFusedPass && !inPlace && layout.Output == OutputStores.Cached && height > 2 * layout.RadiusY && layout.RowLength > 2 * layout.Border;

    public static void Run<TSrc, TRow, TKernel>(
        TKernel kernel, BandLayout layout, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int threads)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        int first = layout.RadiusY, rows = source.Height - 2 * layout.RadiusY;
        var pieces = new FusedPieces<TSrc, TRow, TKernel>(kernel, layout, border, source.Height, threads == 1 ? 1 : PieceCount(rows, threads));
        if (threads == 1)
        {
            pieces.Band(0).Filter(source, destination);
            return;
        }

        fixed (TSrc* sourcePointer = source.Data)
        fixed (TSrc* destinationPointer = destination.Data)
        {
            var image = new PinnedImages<TSrc>(sourcePointer, source, destinationPointer, destination);
            BandScheduler<FusedWork<TSrc, TRow, TKernel>>.Run(new(pieces, image), pieces.Count, threads);
        }
    }

    private static int PieceCount(int rows, int threads) => Math.Min(Math.Max(threads, rows / (TilesPerPiece * TileRows)), BandScheduler.MaxPieces);

    /// <summary>Rows [RadiusY, height - RadiusY) cut into <see cref="Count"/> bands of about equal height.</summary>
    private readonly struct FusedPieces<TSrc, TRow, TKernel>(TKernel kernel, BandLayout layout, BorderMode border, int height, int count)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        public int Count => count;

        public FusedBand<TSrc, TRow, TKernel> Band(int index)
        {
            int rows = height - 2 * layout.RadiusY;
            return new(kernel, layout, border, layout.RadiusY + (int)((long)rows * index / count), layout.RadiusY + (int)((long)rows * (index + 1) / count), height);
        }
    }

    /// <summary>A parallel call; piece i is band i.</summary>
    private readonly struct FusedWork<TSrc, TRow, TKernel>(FusedPieces<TSrc, TRow, TKernel> pieces, PinnedImages<TSrc> image) : IBandWork
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        public void Run(int index) => pieces.Band(index).Filter(image.Source, image.Destination);
    }

    /// <summary>
    /// Output rows [y0, y1), all with their vertical taps inside the image. The first band also filters the rows above
    /// it through the ring, the last band those below it: inside the parallel pieces, so that no thread waits for them.
    /// </summary>
    private readonly struct FusedBand<TSrc, TRow, TKernel>
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        private readonly TKernel _kernel;
        private readonly BandLayout _layout;
        private readonly BorderMode _border;
        private readonly int _y0;
        private readonly int _y1;
        private readonly int _height;

        // The band whose y0 is RadiusY filters the rows above it, the one whose y1 is height - RadiusY those below it.
        public FusedBand(TKernel kernel, BandLayout layout, BorderMode border, int y0, int y1, int height)
        {
            _kernel = kernel;
            _layout = layout;
            _border = border;
            _y0 = y0;
            _y1 = y1;
            _height = height;
        }

        /// <summary>Elements per row of the edge buffer: the edge's Border elements and the reach on both sides of them.</summary>
        private static int EdgeStride(BandLayout layout) => 3 * layout.Border;

        public void Filter(ImageView<TSrc> source, ImageSpan<TSrc> destination)
        {
            int border = _layout.Border, length = _layout.RowLength, ry = _layout.RadiusY;
            if (ry > 0 && _y0 == ry)
            {
                SeparableFilter.RunBand<TSrc, TRow, TKernel>(_kernel, _layout, source, destination, _border, 0, ry);
            }

            if (ry > 0 && _y1 == _height - ry)
            {
                SeparableFilter.RunBand<TSrc, TRow, TKernel>(_kernel, _layout, source, destination, _border, _height - ry, _height);
            }

            // Rented by the thread that filters the band, whose pool keeps them for its next band.
            int[] donors = BorderDonors.Rent(_layout, source.Width, _border);
            TSrc[] edges = ArrayPool<TSrc>.Shared.Rent(Math.Max(1, (TileRows + 2 * ry) * EdgeStride(_layout)));
            try
            {
                for (int y = _y0; y < _y1; y += TileRows)
                {
                    int rows = Math.Min(TileRows, _y1 - y);
                    Span<TSrc> output = destination.Data[(y * destination.Stride)..];
                    _kernel.FilterFused(
                        source.Data[((y - ry) * source.Stride)..], source.Stride, _layout.Channels, output[border..], destination.Stride, rows, length - 2 * border);
                    if (border > 0)
                    {
                        FilterEdge(source, y, rows, output, destination.Stride, donors, edges, left: true);
                        FilterEdge(source, y, rows, output, destination.Stride, donors, edges, left: false);
                    }
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(donors);
                ArrayPool<TSrc>.Shared.Return(edges);
            }
        }

        /// <summary>
        /// Filters the first (<paramref name="left"/>) or last Border elements of output rows [y, y + rows), which
        /// <paramref name="output"/> starts at, from a copy of their reach in <paramref name="edgeBuffer"/>, extrapolated
        /// through <paramref name="borderDonors"/> where it passes the end of the row.
        /// </summary>
        private void FilterEdge(
            ImageView<TSrc> source, int y, int rows, Span<TSrc> output, int outputStride, int[] borderDonors, TSrc[] edgeBuffer, bool left)
        {
            int border = _layout.Border, length = _layout.RowLength, ry = _layout.RadiusY;
            int stride = EdgeStride(_layout);
            int reachStart = left ? -border : length - 2 * border; // the row element in the edge buffer's first column
            Span<TSrc> edges = edgeBuffer.AsSpan(0, (rows + 2 * ry) * stride);
            ReadOnlySpan<int> donors = borderDonors.AsSpan(0, 2 * border);
            for (int j = 0; j < rows + 2 * ry; j++)
            {
                ReadOnlySpan<TSrc> row = source.Row(y - ry + j);
                Span<TSrc> copy = edges.Slice(j * stride, stride);
                for (int i = 0; i < stride; i++)
                {
                    int e = reachStart + i;
                    copy[i] = e < 0 ? BorderDonors.Element(row, donors[e + border])
                        : e >= length ? BorderDonors.Element(row, donors[border + e - length])
                        : row[e];
                }
            }

            _kernel.FilterFused(edges, stride, _layout.Channels, output[(left ? 0 : length - border)..], outputStride, rows, border);
        }
    }
}
