using System;
using System.Runtime.Intrinsics;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The geometry of the working rows: the image row is cut into vertical strips narrow enough for the ring of
/// filtered rows to stay in the L1 or L2 cache, and each band keeps, per strip, a lane buffer
/// <code>
/// [ ring: KernelHeight rows | top halo: RadiusY rows | bottom halo: RadiusY rows ]
/// </code>
/// Own rows (inside the band) cycle through the ring; halo rows (above and below the band, including
/// extrapolated rows outside the image) are filtered before the band writes anything, which is what makes
/// in-place filtering and parallel bands safe.
/// </summary>
internal readonly struct BandLayout
{
    /// <summary>
    /// Images whose source and destination together are at most this large stay in the last-level cache between
    /// passes over them; their rings are sized for the L1 cache (<see cref="CachedImageRing"/>). Larger images stream
    /// from memory, where long runs of each row matter more than a small ring (<see cref="StreamedImageRing"/>).
    /// </summary>
    public const long CacheResidentImageBytes = 24L * 1024 * 1024;

    /// <summary>
    /// Rings for cache-resident images: a full-width ring above 48 KB is cut into strips with about 32 KB rings.
    /// Measured at 1920x1080 against the L2-sized rings below: 8UC3 5x5 880 to 690 µs, 8UC4 7x7 2950 to 1900 µs,
    /// 8UC3 13x13 sigma 2 4170 to 3340 µs, 32FC1 13x13 sigma 2 2180 to 1870 µs; rings of 16 or 128 KB were slower.
    /// </summary>
    public static readonly RingSize CachedImageRing = new(48 * 1024, 32 * 1024);

    /// <summary>
    /// Rings for streamed images: a full-width ring above 1 MB (a typical L2 cache) is cut into strips with about
    /// 256 KB rings. Measured at 7680x4320: 8UC4 11x11 (a 1.35 MB ring) 126 ms full width, 96 ms in 256 KB strips,
    /// 131 ms in 512 KB strips; rings that fit (8UC3 7x7, 650 KB; 32FC1 13x13, 400 KB) were 12-15% slower in strips,
    /// and 32 KB rings made 8UC3 5x5 16 ms to 23 ms.
    /// </summary>
    public static readonly RingSize StreamedImageRing = new(1024 * 1024, 256 * 1024);

    /// <summary>When to cut rows into strips: a ring above <paramref name="SingleStripBytes"/>, into strips with rings of about <paramref name="StripBytes"/>.</summary>
    public readonly record struct RingSize(int SingleStripBytes, int StripBytes);

    /// <summary>
    /// Ring columns (kernel height x planes x lane bytes) at least this wide make an integer kernel compute-bound even on
    /// a streamed image, so it gets L1-sized rings too. Measured at 7680x4320 (L2 rings, then L1 rings): 8UC1 11x11
    /// 21.5 to 15.9 ms, 8UC3 11x11 64 to 42 ms, 8UC4 11x11 93 to 60 ms, 16UC1 11x11 44 to 31 ms, 8UC1 5x5 sigma 1.2
    /// (split rows, 20 bytes) 12.2 to 8.3 ms; 7x7 (28 bytes) alike either way. Narrower columns are not: 8UC3 5x5
    /// (10 bytes) took 16 ms with L2 rings and 23 ms with L1 rings. Float images are not either: their passes wait on
    /// memory, and short strips hurt the streams (32FC1 7x7 20 to 30 ms).
    /// </summary>
    public const int ComputeBoundRingColumnBytes = 20;

    /// <summary>
    /// The ring size for an image of <paramref name="imageBytes"/> (source and destination together) with elements of
    /// <paramref name="elementBytes"/> and ring columns of <paramref name="ringColumnBytes"/>.
    /// </summary>
    public static RingSize ChooseRing(long imageBytes, int elementBytes, int ringColumnBytes) =>
        imageBytes <= CacheResidentImageBytes || (elementBytes < sizeof(float) && ringColumnBytes >= ComputeBoundRingColumnBytes)
            ? CachedImageRing
            : StreamedImageRing;

    /// <summary>
    /// Lays out the working rows for image rows of <paramref name="rowLength"/> elements with rings of
    /// <paramref name="ring"/> (<see cref="ChooseRing"/>); <paramref name="singleStrip"/> keeps whole rows (in-place
    /// filtering); <paramref name="prefetchSource"/> asks for source rows ahead of use (<see cref="PrefetchSource"/>).
    /// </summary>
    public BandLayout(int rowLength, int channels, int radiusX, int radiusY, int rowPlanes, int laneBytes, RingSize ring, bool singleStrip, bool prefetchSource, OutputStores output)
    {
        PrefetchSource = prefetchSource;
        Output = output;
        Channels = channels;
        RadiusX = radiusX;
        RadiusY = radiusY;
        RowLength = rowLength;
        int lanesPerCacheLine = AlignedLanes<byte>.CacheLine / laneBytes;
        StripLength = singleStrip ? rowLength : ChooseStripLength(rowLength, channels, KernelHeight, rowPlanes * laneBytes, lanesPerCacheLine, ring);

        // A padded range never exceeds one strip plus the kernel's reach on both sides.
        long padded = (long)StripLength + 2L * radiusX * channels;

        // Planes are padded to whole cache lines so that every plane of every slot starts on one.
        long plane = ((long)StripLength + lanesPerCacheLine - 1) / lanesPerCacheLine * lanesPerCacheLine;
        long slot = plane * rowPlanes;
        long total = (2L * radiusY + 1 + 2L * radiusY) * slot;
        if (total > Array.MaxLength || padded > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException("ksize", "The kernel is too large for an image this wide: its working rows would not fit in one array.");
        }

        PaddedLength = (int)padded;
        PlaneLength = (int)plane;
        SlotLength = (int)slot;
        TotalLength = (int)total;
    }

    /// <summary>
    /// Whether to prefetch source rows (<see cref="RowPrefetch"/>): images of at least <see cref="PrefetchedImageBytes"/>.
    /// </summary>
    public bool PrefetchSource { get; }

    /// <summary>
    /// Images (source and destination) at least this large have their source rows prefetched. Worth it for images that
    /// the last-level cache does not hold between calls, which on a shared machine starts well below its size; not for
    /// smaller ones, where the prefetches only cost instructions. Measured in one process, calls alternating, generated
    /// kernels: at 7680x4320, 8UC1, 16UC1 and 32FC1 3x3 and 5x5 took 10-19% less time; at 1920x1080 (16.6 MB) 32FC1 5x5
    /// 1842 to 1072 µs, 7x7 1173 to 874, 13x13 sigma 2 1712 to 1166, 8UC4 3x3 1327 to 1076, 11x11 4767 to 3304; but
    /// 8UC3 (12.4 MB) 3x3 427 to 466 and 8UC1 (4.1 MB) 3x3 133 to 164.
    /// </summary>
    public const long PrefetchedImageBytes = 12L * 1024 * 1024;

    /// <summary>How output rows are written (<see cref="ChooseOutput"/>).</summary>
    public OutputStores Output { get; }

    /// <summary>
    /// Images (source and destination) at least this large have their output streamed (<see cref="ChooseOutput"/>):
    /// about a server's last-level cache, which then cannot hold both.
    /// </summary>
    public const long StreamedImageBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Images (source and destination) at least this large whose float output the fused pass streams, straight from its
    /// registers (<see cref="ChooseOutput"/>). Measured at 1920x1080 (16.6 MB) in one process, calls in random order,
    /// runtime kernels, cached / streamed: 32FC1 3x3 496 / 348 µs, 5x5 683 / 496, 7x7 1391 / 893; followed by a read of
    /// the whole output 791 / 684, 906 / 770, 1605 / 1133, so the streamed output costs less than it saves even where it
    /// is used next. Not at 1280x720 (7.4 MB): 3x3 182 / 189 µs, followed by the read 217 / 286. Without AVX-512 the
    /// tiles go through a buffer that is streamed out (a 256-bit store fills half a line): on Zen 1 (AVX2, 8 MB L3),
    /// generated kernels, alternating builds, min of 3, cached / streamed: 32FC1 3x3 2349 / 1494 µs, 5x5 2648 / 1973, 7x7
    /// 2850 / 2699; followed by a read of the output 2862 / 1958, 3178 / 2406, 3253 / 3168. That gain came from the
    /// image not fitting Zen 1's L3, so the buffer is used only where the image is larger than the last-level cache
    /// (<see cref="LastLevelCache"/>): on an Intel Emerald Rapids (2 MB L2, 260 MB L3) with AVX-512 switched off, in
    /// one process, calls alternating, min of 5, cached / through the buffer: 32FC1 3x3 732 / 1148 µs, 5x5 791 / 1484,
    /// 7x7 1696 / 1822; followed by a read of the output 1045 / 1838, 1079 / 2147, 2040 / 2578. Narrowed outputs are not
    /// streamed below <see cref="StreamedImageBytes"/>: there 8UC4 3x3 took 2783 / 2999 µs, 5x5 4535 / 4999.
    /// </summary>
    public const long StreamedFusedImageBytes = 12L * 1024 * 1024;

    /// <summary>
    /// How to write the output of an image of <paramref name="imageBytes"/> (source and destination) with elements of
    /// <paramref name="elementBytes"/> from lanes of <paramref name="laneBytes"/>; <paramref name="fusedOnLines"/> says
    /// that the fused pass will filter it (<see cref="FusedFilter.Fits"/>) and that its output rows all start at the
    /// same offset within a cache line, and <paramref name="fusedBytePairs"/> that the pass stores one-channel 8-bit
    /// pixels in pairs (<see cref="ISeparableKernel{TSrc, TRow}.FusedBytePairs"/>). The output of an image larger than
    /// the last-level cache is streamed: a plain store first reads the line it writes from memory, and its lines push
    /// the source rows out of the cache. Where one vector store fills a cache line (AVX-512, no narrowing, or pairs of
    /// pixels) the column or fused pass streams directly; elsewhere
    /// rows go through a buffer in the cache that is streamed line by line, because streaming half lines was measured
    /// 1.5-2x slower than not streaming at all. Measured at 7680x4320, in one process, calls alternating: 32FC1 3x3
    /// 17.7 to 12.3 ms, 5x5 20.0 to 14.6 ms, 11x11 26.4 to 23.1 ms (streamed directly; through a row buffer only 16.7,
    /// 18.8 and 28.6 ms), and from the fused pass instead of the ring's column pass (runtime kernels) 3x3 15.5 to 13.7,
    /// 5x5 19.6 to 15.5, 7x7 21.8 to 21.0; through the row buffer 8UC1 11x11 14.7 to 11.5 ms, 8UC3 11x11 43 to 34 ms,
    /// 8UC4 11x11 53 to 46 ms, 16UC1 5x5 13.2 to 9.4 ms. The threshold counts source and destination: counting the
    /// output alone left 8UC1 at 7680x4320 (a 31.6 MB output) unstreamed, and streaming it took 7x7 from 10.7 to 7.6
    /// ms, 5x5 sigma 1.2 from 7.5 to 4.7 ms, 11x11 from 15.6 to 12.6 ms; 8UC1 at 4096x4096 (32 MB in all) 7x7 4.7 to
    /// 3.0 ms, 16UC1 at 2900x2900 3x3 2.0 to 1.8 ms. Pairs of pixels streamed straight from the fused pass instead of
    /// through the buffer (Intel Emerald Rapids, 7680x4320 8UC1, in one process, calls alternating, min of 3, buffer /
    /// direct / plain stores): 3x3 5436 / 2643 / 3856 µs, 5x5 6077 / 3556 / 4065, 5x5 sigma 1.2 7516 / 5341 / 5263;
    /// 7x7, then not in pairs, streaming half lines, 11667 / 14461 / 16842 (in pairs since: 7.3 ms). Not below the
    /// threshold: at 3840x2160 (16.6 MB in all), cached / streamed, 3x3 811 / 678 µs but followed by a read of the
    /// output 1177 / 1408, 5x5 867 / 1009, 5x5 sigma 1.2 1276 / 1338, 7x7 1495 / 1540. Below it only the fused pass streams, from
    /// <see cref="StreamedFusedImageBytes"/> and directly: at 1920x1080 (8UC4 and 32FC1, 16.6 MB in all) the ring's
    /// streamed rows helped a blur measured alone but slowed a blur followed by a read of its output by up to 1.4x.
    /// <paramref name="lastLevelCacheBytes"/> is the size of the last-level cache (<see cref="LastLevelCache.Bytes"/>;
    /// 0 if unknown).
    /// </summary>
    public static OutputStores ChooseOutput(long imageBytes, int elementBytes, int laneBytes, bool fusedOnLines, bool fusedBytePairs, long lastLevelCacheBytes)
    {
        if (!NonTemporal.IsSupported)
        {
            return OutputStores.Cached;
        }

        bool storeFillsLine = (elementBytes == laneBytes || fusedBytePairs) && Vector512.IsHardwareAccelerated;
        if (imageBytes >= StreamedImageBytes)
        {
            return storeFillsLine ? OutputStores.Streamed : OutputStores.StreamedFromRowBuffer;
        }

        // Float outputs of the fused pass (not pairs of pixels, which lost here): straight from its vectors where each
        // fills a line, else through its tiles where the image does not fit the last-level cache.
        if (!fusedOnLines || elementBytes != laneBytes || imageBytes < StreamedFusedImageBytes)
        {
            return OutputStores.Cached;
        }

        return storeFillsLine ? OutputStores.Streamed
            : imageBytes > lastLevelCacheBytes ? OutputStores.StreamedFromRowBuffer
            : OutputStores.Cached;
    }

    public int Channels { get; }

    public int RadiusX { get; }

    public int RadiusY { get; }

    public int KernelHeight => 2 * RadiusY + 1;

    /// <summary>Elements of one image row: width * channels.</summary>
    public int RowLength { get; }

    /// <summary>Elements per strip (whole pixels and cache lines); the last strip may be shorter.</summary>
    public int StripLength { get; }

    public int StripCount => (RowLength + StripLength - 1) / StripLength;

    /// <summary>Elements of the horizontal kernel's reach on each side: RadiusX pixels.</summary>
    public int Border => RadiusX * Channels;

    public int PaddedLength { get; }

    /// <summary>Lanes from the start of one plane of a filtered row to the next (the strip, padded to cache lines).</summary>
    public int PlaneLength { get; }

    /// <summary>Lanes of one filtered row, all planes.</summary>
    public int SlotLength { get; }

    /// <summary>Lanes of all slots.</summary>
    public int TotalLength { get; }

    /// <summary>The element range [start, end) of strip <paramref name="strip"/>.</summary>
    public (int Start, int End) Strip(int strip) => (strip * StripLength, Math.Min(RowLength, (strip + 1) * StripLength));

    /// <summary>The slot that holds virtual row <paramref name="v"/> while filtering rows [<paramref name="y0"/>, <paramref name="y1"/>).</summary>
    public int SlotOf(int v, int y0, int y1)
    {
        if (v < y0)
        {
            return KernelHeight + (y0 - 1 - v);
        }

        if (v >= y1)
        {
            return KernelHeight + RadiusY + (v - y1);
        }

        return v % KernelHeight;
    }

    /// <summary>Offset of a slot in the lane buffer.</summary>
    public int SlotOffset(int slot) => slot * SlotLength;

    private static int ChooseStripLength(int rowLength, int channels, int kernelHeight, int bytesPerLane, int lanesPerCacheLine, RingSize ring)
    {
        if ((long)rowLength * kernelHeight * bytesPerLane <= ring.SingleStripBytes)
        {
            return rowLength;
        }

        long target = Math.Max(256, ring.StripBytes / ((long)kernelHeight * bytesPerLane));

        long strips = (rowLength + target - 1) / target;
        long length = (rowLength + strips - 1) / strips;
        long unit = (long)channels * lanesPerCacheLine;
        return (int)Math.Min(rowLength, (length + unit - 1) / unit * unit);
    }
}
