using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Runs a kernel's fused pass (<see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>), which keeps the horizontally
/// filtered rows in registers instead of a ring buffer, over the rows whose vertical taps all lie inside the image:
/// rows [RadiusY, Height - RadiusY), in tiles of <see cref="TileRowsFor"/> rows, in parallel bands. The first and last
/// RadiusY rows go through the ring engine (<see cref="SeparableFilter"/>), in the first and the last band. In each
/// tile the interior of the rows is read in place; the edges, whose taps reach past the ends of the row, read a small
/// padded copy of their reach. Every element is computed exactly as the ring engine computes it.
/// </summary>
internal static unsafe class FusedFilter
{
    /// <summary>
    /// Output rows per fused call for kernels of vertical radius up to 2. Each call filters 2 * RadiusY rows more than it
    /// writes, so taller tiles filter less twice; shorter ones keep the rows a call walks down within the first-level
    /// TLB and caches. Measured at 1920x1080 in one process, calls alternating, tiles of 16 / 24 / 32 / 48 rows: 32FC1
    /// 5x5 471 / 476 / 435 / 469 µs, 8UC1 5x5 170 / 161 / 157 / 161, 16UC1 5x5 295 / 281 / 265 / 263, 8UC4 3x3 447 /
    /// 507 / 426 / 540; the ring of rows took 706, 185, 337 and 765 µs. Prefetching the next tile's source rows before
    /// each tile made it slower (32FC1 5x5 364 to 391 µs, 8UC4 5x5 597 to 764).
    /// </summary>
    public const int TileRows = 32;

    /// <summary>
    /// Output rows per fused call for taller kernels (<see cref="TileRowsFor"/>), whose 2 * RadiusY extra rows weigh
    /// more: a 13-row kernel filters 12 rows more per tile. Measured at 1920x1080, calls alternating, min of 2 runs
    /// (with <see cref="WalkPrefetch"/>), tiles of 32 / 64 rows: 8UC4 7x7 2216 / 1916 µs, 8UC3 7x7 1506 / 1341, 8UC1
    /// 13x13 sigma 2 1194 / 1078, 32FC1 11x11 1119 / 1049, 16UC1 11x11 1738 / 1596; 128 rows gained little more. For
    /// 3x3 kernels 64 rows were no faster at 1920x1080 and slower at 7680x4320 (8UC1 4.0 / 5.6 ms, 8UC3 12.7 / 17.0).
    /// </summary>
    public const int TallKernelTileRows = 64;

    /// <summary>The rows per fused call for a kernel of vertical radius <paramref name="radiusY"/>.</summary>
    public static int TileRowsFor(int radiusY) => radiusY <= 2 ? TileRows : TallKernelTileRows;

    /// <summary>
    /// Rows per piece of a parallel call (<see cref="BandScheduler{TWork}"/>): four tiles of <see cref="TileRows"/>, two
    /// of <see cref="TallKernelTileRows"/>; more pieces than threads, so that a thread slowed by other work on its core
    /// takes fewer of them. Pieces cost nothing extra, since tiles are independent anyway. Measured at 1920x1080 on 2
    /// threads, calls alternating, the two halves as two pieces against pieces of 4 tiles of 32 rows: 16UC1 5x5 213 /
    /// 177 µs, 8UC4 5x5 458 / 358, 8UC3 7x7 681 / 631, 8UC1 5x5 92 / 93.
    /// </summary>
    private const int PieceRows = 4 * TileRows;

    /// <summary>
    /// Whether a fused pass that keeps <paramref name="windowVectors"/> vectors of filtered rows in registers
    /// (<see cref="ISeparableKernel{TSrc, TRow}.FusedWindowVectors"/>) beats the ring of rows on this machine. With 32
    /// vector registers (AVX-512, even at 256 bits; Arm64) every fused pass does. With the 16 of AVX2 and SSE a larger
    /// window spills, and moving it down a row at every step costs more than the ring's loads. Measured on Zen 1
    /// (AVX2) at 1920x1080, fused / ring, generated kernels: 16UC1 11x11 (split sums, 22 vectors) 17.3 / 9.9 ms, 13x13
    /// sigma 2 (26) 20.2 / 11.2, 5x5 sigma 1.2 (20) 7.2 / 5.2; runtime kernels: 8UC1 9x9 (split, 18) 5.8 / 4.0, 8UC3
    /// 9x9 (18) 16.6 / 12.1, 16UC1 11x11 (22) 14.4 / 10.9; 8UC1 7x7 (split, 14) 2.8 / 3.4, 32FC1 13x13 sigma 2 (13)
    /// 5.6 / 7.2, 16UC1 5x5 sigma 1.2 (split, 10) 5.0 / 5.9.
    /// </summary>
    public static bool WindowFits(int windowVectors) =>
        VectorRegisters.ThirtyTwo || windowVectors <= MaxWindowVectorsOnSixteenRegisters;

    /// <summary>The largest window of a fused pass worth running with 16 vector registers (<see cref="WindowFits"/>).</summary>
    public const int MaxWindowVectorsOnSixteenRegisters = 14;

    /// <summary>
    /// Whether the fused pass can filter the image: the kernel has one, the image has rows with all vertical taps inside
    /// and elements with all horizontal taps inside, and the output is not written over the source (a tile would
    /// overwrite rows the next one reads).
    /// </summary>
    public static bool Fits(bool hasFusedPass, bool inPlace, int height, int rowLength, int channels, int radiusX, int radiusY) =>
        hasFusedPass && !inPlace && height > 2 * radiusY && rowLength > 2 * radiusX * channels;

    /// <summary>
    /// Whether to use the fused pass on an image it <see cref="Fits"/>, given how the output is stored
    /// (<see cref="BandLayout.ChooseOutput"/>): through the cache; or, if <paramref name="rowsOnLines"/> (every
    /// destination row starts at the same offset within a cache line, so one range of whole lines serves all rows of a
    /// tile), streamed straight from the pass or through a tile of <see cref="TileRowsFor"/> rows by
    /// <see cref="StreamedStripBytes"/> in the cache that is streamed out row by row. Otherwise the ring streams the
    /// rows. Tiles measured at 7680x4320 in one process, calls alternating, ring / fused, generated kernels (with
    /// <see cref="WalkPrefetch"/>): 8UC3 3x3 22.2 / 15.7 ms, 7x7 54.8 / 29.0, 11x11 75.1 / 42.5, 8UC4 5x5 35.7 / 20.7,
    /// 5x5 sigma 1.2 51.2 / 29.6, 13x13 sigma 2 104 / 64, 8UC1 3x3 7.4 / 3.6, 16UC1 3x3 13.3 / 8.3; the rest alike.
    /// (Before the prefetch, the tiles lost to the ring but for one channel and radius 2 or 3: 8UC3 3x3 15.2 / 24.6.)
    /// With plain stores instead of streaming the tile, the fused pass was slower than the ring everywhere (8UC1 3x3 5.1
    /// against 3.6 ms, 16UC1 5x5 11.4 against 8.6).
    /// </summary>
    public static bool Applies(BandLayout layout, bool rowsOnLines) => layout.Output == OutputStores.Cached || rowsOnLines;

    /// <summary>
    /// Width of a tile's strips for a streamed output: a multiple of the cache line, and a tile of it (64 or 128 KB)
    /// stays in the second-level cache. Measured at 7680x4320, 8UC1 / 16UC1 7x7 with strips of 1, 2 and 4 KB: 6.6 /
    /// 10.3, 6.6 / 10.2, 7.6 / 11.1 ms.
    /// </summary>
    private const int StreamedStripBytes = 2048;

    public static void Run<TSrc, TRow, TKernel>(
        TKernel kernel, BandLayout layout, ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, int threads)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        int rows = source.Height - 2 * layout.RadiusY;
        var pieces = new FusedPieces<TSrc, TRow, TKernel>(kernel, layout, border, source.Height, threads == 1 ? 1 : PieceCount(rows, threads));
        if (threads == 1)
        {
            // Streamed rows find their cache-line boundaries by address: the destination must not move.
            fixed (TSrc* pinned = destination.Data)
            {
                pieces.Band(0).Filter(source, destination);
            }

            return;
        }

        fixed (TSrc* sourcePointer = source.Data)
        fixed (TSrc* destinationPointer = destination.Data)
        {
            var image = new PinnedImages<TSrc>(sourcePointer, source, destinationPointer, destination);
            BandScheduler<FusedWork<TSrc, TRow, TKernel>>.Run(new(pieces, image), pieces.Count, threads);
        }
    }

    private static int PieceCount(int rows, int threads) => Math.Min(Math.Max(threads, rows / PieceRows), BandScheduler.MaxPieces);

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

        /// <summary>Elements per strip of a streamed tile (<see cref="StreamedStripBytes"/>).</summary>
        private static int StripLength => StreamedStripBytes / sizeof(TSrc);

        /// <summary>
        /// Output elements per row that an edge call filters: the Border elements whose taps leave the row, widened to one
        /// vector of row lanes (the interior elements it covers too come out as the interior's, every element being a
        /// function of the source alone) so that the kernel's vector code runs instead of its scalar code, which for split
        /// 8-bit sums took 37% of a 256x256 8UC1 5x5 sigma 1.2. Never wider than the row. Measured on Zen 3 (AVX2) in one
        /// process, calls alternating, min of 5-7, Border elements / one vector: 256x256 8UC1 5x5 sigma 1.2 37 / 28 µs, 7x7
        /// 44 / 31, 13x13 sigma 2 118 / 59 (runtime kernels 170 / 64), 8UC3 5x5 sigma 1.2 108 / 75; 640x480 8UC1 13x13
        /// sigma 2 388 / 272; 1920x1080 8UC1 13x13 sigma 2 2737 / 2292 (runtime 3187 / 2401), 8UC3 5x5 sigma 1.2 3600 /
        /// 3385; float and 16-bit kernels, whose scalar code is not split, alike within the noise.
        /// </summary>
        private static int EdgeWidth(BandLayout layout)
        {
            int vector = Vector256.IsHardwareAccelerated ? Vector256<TRow>.Count : Vector128.IsHardwareAccelerated ? Vector128<TRow>.Count : 1;
            return Math.Min(layout.RowLength, Math.Max(layout.Border, vector));
        }

        /// <summary>
        /// The widest an edge call gets: <see cref="EdgeWidth"/>, or where the output streams straight from the pass, up to
        /// a cache line less an element more, which <see cref="FilterStreamed"/> may add to reach the streamed lines.
        /// </summary>
        private static int MaxEdgeWidth(BandLayout layout) =>
            layout.Output == OutputStores.Streamed ? Math.Min(layout.RowLength, EdgeWidth(layout) + NonTemporal.CacheLine / sizeof(TSrc) - 1) : EdgeWidth(layout);

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

            // Rented by the thread that filters the band, from the pool every thread shares.
            int[] donors = BorderDonors.Rent(_layout, source.Width, _border);
            int tileRows = TileRowsFor(ry);
            TSrc[] edges = ScratchPool<TSrc>.Rent(Math.Max(1, (tileRows + 2 * ry) * (MaxEdgeWidth(_layout) + 2 * border)));
            bool streamed = _layout.Output != OutputStores.Cached;
            TSrc[]? tile = _layout.Output == OutputStores.StreamedFromRowBuffer ? ScratchPool<TSrc>.Rent(tileRows * StripLength) : null;
            try
            {
                for (int y = _y0; y < _y1; y += tileRows)
                {
                    int rows = Math.Min(tileRows, _y1 - y);
                    Span<TSrc> output = destination.Data[(y * destination.Stride)..];
                    (int left, int right) = (EdgeWidth(_layout), EdgeWidth(_layout));
                    if (tile is not null)
                    {
                        FilterThroughTile(source, destination, y, rows, tile);
                    }
                    else if (streamed)
                    {
                        (left, right) = FilterStreamed(source, destination, y, rows);
                    }
                    else
                    {
                        _kernel.FilterFused(
                            source.Data[((y - ry) * source.Stride)..], source.Stride, _layout.Channels, output[border..], destination.Stride, rows, length - 2 * border, nonTemporal: false);
                    }

                    if (border > 0)
                    {
                        FilterEdge(source, y, rows, output, destination.Stride, donors, edges, left, left: true);
                        FilterEdge(source, y, rows, output, destination.Stride, donors, edges, right, left: false);
                    }
                }
            }
            finally
            {
                ScratchPool<int>.Return(donors);
                ScratchPool<TSrc>.Return(edges);
                if (tile is not null)
                {
                    ScratchPool<TSrc>.Return(tile);
                }

                if (streamed)
                {
                    NonTemporal.Fence();
                }
            }
        }

        /// <summary>
        /// The interior of output rows [y, y + rows) for an output streamed straight from the pass
        /// (<see cref="OutputStores.Streamed"/>): the whole cache lines in the middle of the rows with streaming stores
        /// (<see cref="NonTemporal.StreamedRange"/>). Every row starts at the same offset within a line, so the first
        /// row's range serves them all. The plain stretches between the ends of the rows and the streamed lines are left
        /// to the edge calls, widened to reach those lines: from the small edge buffer they cost less than walks of their
        /// own down the tile (two at each end, a vector wide, each loading a line in every row that nothing has asked for
        /// yet). Measured on an Intel Emerald Rapids, 1920x1080 32FC1, one process each, walks / edges: 3x3 1.18-1.21x /
        /// 1.14-1.15x the time of a plain Vector512 loop of the pass's shape (destination rows on lines), 5x5 617-635 /
        /// 576-603 µs (rows off lines). Returns the output elements the left and the right edge calls filter; an image
        /// without edges (no horizontal reach) gets plain walks of at least a vector instead.
        /// </summary>
        private (int Left, int Right) FilterStreamed(ImageView<TSrc> source, ImageSpan<TSrc> destination, int y, int rows)
        {
            int border = _layout.Border, interior = _layout.RowLength - 2 * border, ry = _layout.RadiusY, edge = EdgeWidth(_layout);
            int vector = Math.Min(NonTemporal.CacheLine / sizeof(TSrc), NonTemporal.CacheLine / sizeof(TRow)); // the widest vector's lanes
            Span<TSrc> output = destination.Data[(y * destination.Stride + border)..];
            ReadOnlySpan<TSrc> input = source.Data[((y - ry) * source.Stride)..];
            int head, end;
            fixed (TSrc* start = output)
            {
                // With edges, the plain ends hold at least what the edge calls filter anyway, whatever their length.
                (head, end) = border > 0 ? NonTemporal.StreamedRange(start, interior, 0, edge - border) : NonTemporal.StreamedRange(start, interior, vector);
            }

            if (head < 0)
            {
                _kernel.FilterFused(input, source.Stride, _layout.Channels, output, destination.Stride, rows, interior, nonTemporal: false);
                return (edge, edge);
            }

            _kernel.FilterFused(input[head..], source.Stride, _layout.Channels, output[head..], destination.Stride, rows, end - head, nonTemporal: true);
            if (border > 0)
            {
                return (border + head, border + interior - end);
            }

            if (head > 0)
            {
                _kernel.FilterFused(input, source.Stride, _layout.Channels, output, destination.Stride, rows, head, nonTemporal: false);
            }

            if (end < interior)
            {
                _kernel.FilterFused(input[end..], source.Stride, _layout.Channels, output[end..], destination.Stride, rows, interior - end, nonTemporal: false);
            }

            return (edge, edge);
        }

        /// <summary>
        /// The interior of output rows [y, y + rows) for an output streamed through a row buffer: strip by strip into
        /// <paramref name="tile"/>, which stays in the cache, then streamed to the destination row by row. Strips end on
        /// the cache lines of the destination, whose rows all start at the same offset within a line.
        /// </summary>
        private void FilterThroughTile(ImageView<TSrc> source, ImageSpan<TSrc> destination, int y, int rows, TSrc[] tile)
        {
            int border = _layout.Border, interior = _layout.RowLength - 2 * border, ry = _layout.RadiusY;
            int head; // elements from the start of the rows' interior to the next line
            fixed (TSrc* start = destination.Data[(y * destination.Stride + border)..])
            {
                head = Math.Max(0, NonTemporal.ElementsToLine(start));
            }

            // The first strip ends on the last line boundary within StripLength of the start, the others StripLength on.
            int firstEnd = head == 0 ? StripLength : head + StripLength - NonTemporal.CacheLine / sizeof(TSrc);
            for (int x0 = 0, x1; x0 < interior; x0 = x1)
            {
                x1 = Math.Min(interior, x0 == 0 ? firstEnd : x0 + StripLength);
                int count = x1 - x0;
                _kernel.FilterFused(source.Data[((y - ry) * source.Stride + x0)..], source.Stride, _layout.Channels, tile, StripLength, rows, count, nonTemporal: false);
                for (int j = 0; j < rows; j++)
                {
                    NonTemporal.Copy<TSrc>(tile.AsSpan(j * StripLength, count), destination.Data.Slice((y + j) * destination.Stride + border + x0, count));
                }
            }
        }

        /// <summary>
        /// Filters the first (<paramref name="left"/>) or last <paramref name="width"/> elements of output rows
        /// [y, y + rows), which <paramref name="output"/> starts at (at least the Border elements whose taps leave the row),
        /// from a copy of their reach in <paramref name="edgeBuffer"/>, extrapolated through
        /// <paramref name="borderDonors"/> where it passes the end of the row.
        /// </summary>
        private void FilterEdge(
            ImageView<TSrc> source, int y, int rows, Span<TSrc> output, int outputStride, int[] borderDonors, TSrc[] edgeBuffer, int width, bool left)
        {
            int border = _layout.Border, length = _layout.RowLength, ry = _layout.RadiusY;
            int stride = width + 2 * border;
            int reachStart = left ? -border : length - width - border; // the row element in the edge buffer's first column
            int inside = Math.Max(0, -reachStart), insideEnd = Math.Min(stride, length - reachStart); // columns within the row
            Span<TSrc> edges = edgeBuffer.AsSpan(0, (rows + 2 * ry) * stride);
            ReadOnlySpan<int> donors = borderDonors.AsSpan(0, 2 * border);
            for (int j = 0; j < rows + 2 * ry; j++)
            {
                ReadOnlySpan<TSrc> row = source.Row(y - ry + j);
                Span<TSrc> copy = edges.Slice(j * stride, stride);
                row[(reachStart + inside)..(reachStart + insideEnd)].CopyTo(copy[inside..insideEnd]);
                for (int i = 0; i < inside; i++)
                {
                    copy[i] = BorderDonors.Element(row, donors[reachStart + i + border]); // before the row
                }

                for (int i = insideEnd; i < stride; i++)
                {
                    copy[i] = BorderDonors.Element(row, donors[border + reachStart + i - length]); // past its end
                }
            }

            _kernel.FilterFused(edges, stride, _layout.Channels, output[(left ? 0 : length - width)..], outputStride, rows, width, nonTemporal: false);
        }
    }
}
