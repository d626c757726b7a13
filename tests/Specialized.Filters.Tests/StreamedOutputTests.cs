using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Specialized.Filters.Convolution;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// Images (source and destination) larger than the last-level cache write their output with streaming stores
/// (Convolution/BandLayout.ChooseOutput): straight from the column pass where one vector fills a cache line, through
/// a row buffer elsewhere. Both must store exactly what plain stores store, at every row alignment, and nothing outside
/// the rows. The tests force each way on small images (an internal option); LargeImageTests meets them through the
/// automatic choice.
/// </summary>
public class StreamedOutputTests
{
    // Test methods are public, the internal enum is not: the ways are passed by name.
    public static TheoryData<string, bool> Ways => new()
    {
        { nameof(OutputStores.Streamed), true }, { nameof(OutputStores.Streamed), false },
        { nameof(OutputStores.StreamedFromRowBuffer), true }, { nameof(OutputStores.StreamedFromRowBuffer), false },
    };

    [Theory]
    [MemberData(nameof(Ways))]
    public void Streamed_rows_equal_cached_rows_at_every_alignment(string way, bool generated)
    {
        OutputStores output = Enum.Parse<OutputStores>(way);
        Check<byte>(output, generated);
        Check<ushort>(output, generated);
        Check<short>(output, generated);
        Check<float>(output, generated);
        Check<double>(output, generated);
    }

    private static void Check<T>(OutputStores output, bool generated)
        where T : unmanaged
    {
        var random = new Random((int)output * 7 + (generated ? 1 : 0) + typeof(T).Name.Length * 131);
        int[] widths = [1, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100, 257];
        int[] ksizes = [3, 5, 7, 11]; // 3 to 7 have generated kernels for every type; 11 runs the runtime engine
        for (int i = 0; i < 40; i++)
        {
            int width = i < widths.Length ? widths[i] : random.Next(1, 300);
            int height = random.Next(1, 80), channels = random.Next(1, 5), ksize = ksizes[random.Next(ksizes.Length)];
            var border = (BorderMode)random.Next(5);
            int threads = random.Next(1, 3);
            var image = TestImage<T>.Random(random, width, height, channels, random.Next(0, 70));
            string context = $"{typeof(T).Name} {width}x{height}x{channels} k={ksize} {border} {output} generated={generated} threads={threads}";

            var cached = TestImage<T>.Blank(width, height, channels, random.Next(0, 70));
            Filters.GaussianBlur(image.View, cached.Span, ksize, ksize, 0, 0, border, Options(OutputStores.Cached, generated, 1));

            var streamed = TestImage<T>.Blank(width, height, channels, random.Next(0, 70));
            Filters.GaussianBlur(image.View, streamed.Span, ksize, ksize, 0, 0, border, Options(output, generated, threads));
            Compare.Exact(cached.ToPacked(), streamed.ToPacked(), width, channels, context);
            Assert.True(streamed.PaddingIsUntouched(), context + ": wrote outside the rows");

            TestImage<T> inPlace = image.Clone();
            Filters.GaussianBlur(inPlace.View, inPlace.Span, ksize, ksize, 0, 0, border, Options(output, generated, threads));
            Compare.Exact(cached.ToPacked(), inPlace.ToPacked(), width, channels, context + " in place");
            Assert.True(inPlace.PaddingIsUntouched(), context + " in place: wrote outside the rows");
        }
    }

    [Theory]
    [InlineData(nameof(OutputStores.Streamed))]
    [InlineData(nameof(OutputStores.StreamedFromRowBuffer))]
    public void Streamed_strips_of_wide_images_equal_cached_ones(string way)
    {
        OutputStores output = Enum.Parse<OutputStores>(way);
        var random = new Random(5);
        var bytes = TestImage<byte>.Random(random, 5003, 37, 4, 3);
        StripsMatch(bytes, 31, 21, output);
        var floats = TestImage<float>.Random(random, 8001, 14, 3, 1);
        StripsMatch(floats, 25, 25, output);
    }

    private static void StripsMatch<T>(TestImage<T> image, int ksizeX, int ksizeY, OutputStores output)
        where T : unmanaged
    {
        var cached = TestImage<T>.Blank(image.Width, image.Height, image.Channels, 5);
        var streamed = TestImage<T>.Blank(image.Width, image.Height, image.Channels, 5);
        Filters.GaussianBlur(image.View, cached.Span, ksizeX, ksizeY, 0, 0, BorderMode.Reflect101, Options(OutputStores.Cached, false, 1));
        Filters.GaussianBlur(image.View, streamed.Span, ksizeX, ksizeY, 0, 0, BorderMode.Reflect101, Options(output, false, 2));
        Compare.Exact(cached.ToPacked(), streamed.ToPacked(), image.Width, image.Channels, $"{typeof(T).Name} strips {output}");
        Assert.True(streamed.PaddingIsUntouched());
    }

    [Fact]
    public void The_copy_streams_whole_lines_and_copies_the_rest_at_every_alignment()
    {
        var random = new Random(9);
        byte[] source = new byte[400];
        random.NextBytes(source);
        for (int offset = 0; offset < 64; offset++)
        {
            foreach (int length in new[] { 0, 1, 63, 64, 65, 127, 128, 129, 200, 300 })
            {
                byte[] destination = new byte[400];
                destination.AsSpan().Fill(0xA5);
                NonTemporal.Copy<byte>(source.AsSpan(0, length), destination.AsSpan(offset, length));
                NonTemporal.Fence();
                Assert.True(source.AsSpan(0, length).SequenceEqual(destination.AsSpan(offset, length)), $"offset {offset}, length {length}");
                Assert.All(destination[..offset], b => Assert.Equal(0xA5, b));
                Assert.All(destination[(offset + length)..], b => Assert.Equal(0xA5, b));
            }
        }
    }

    [Fact]
    public unsafe void Elements_to_the_next_cache_line_are_counted_in_whole_elements()
    {
        byte* line = (byte*)(1L << 20);
        Assert.Equal(0, NonTemporal.ElementsToLine((float*)line));
        Assert.Equal(15, NonTemporal.ElementsToLine((float*)(line + 4)));
        Assert.Equal(1, NonTemporal.ElementsToLine((double*)(line + 56)));
        Assert.Equal(63, NonTemporal.ElementsToLine(line + 1));
        Assert.Equal(-1, NonTemporal.ElementsToLine((float*)(line + 2))); // no float starts on the line
    }

    private const long SmallCache = 8L * 1024 * 1024; // Zen 1's L3
    private const long LargeCache = 260L * 1024 * 1024; // an Intel server's L3

    [Theory]
    [InlineData(false, SmallCache)]
    [InlineData(true, SmallCache)]
    [InlineData(false, LargeCache)]
    [InlineData(true, LargeCache)]
    [InlineData(true, 0L)] // unknown: treated as small
    public void Only_images_beyond_the_last_level_cache_stream_their_output(bool fusedOnLines, long cache)
    {
        Assert.Equal(OutputStores.Cached, BandLayout.ChooseOutput(BandLayout.StreamedFusedImageBytes - 1, sizeof(float), sizeof(float), fusedOnLines, fusedBytePairs: false, cache));
        Assert.Equal(OutputStores.Cached, BandLayout.ChooseOutput(BandLayout.StreamedImageBytes - 1, sizeof(byte), sizeof(ushort), fusedOnLines, fusedBytePairs: false, cache));
        OutputStores wide = BandLayout.ChooseOutput(BandLayout.StreamedImageBytes, sizeof(float), sizeof(float), fusedOnLines, fusedBytePairs: false, cache);
        OutputStores narrowed = BandLayout.ChooseOutput(BandLayout.StreamedImageBytes, sizeof(byte), sizeof(ushort), fusedOnLines, fusedBytePairs: false, cache);
        OutputStores hd = BandLayout.ChooseOutput(2 * 1920L * 1080 * sizeof(float), sizeof(float), sizeof(float), fusedOnLines, fusedBytePairs: false, cache);
        if (!NonTemporal.IsSupported)
        {
            Assert.Equal(OutputStores.Cached, wide);
            Assert.Equal(OutputStores.Cached, narrowed);
            Assert.Equal(OutputStores.Cached, hd);
            return;
        }

        // A narrowed vector fills half a cache line: those rows go through the row buffer, as do all without AVX-512.
        Assert.Equal(Vector512.IsHardwareAccelerated ? OutputStores.Streamed : OutputStores.StreamedFromRowBuffer, wide);
        Assert.Equal(OutputStores.StreamedFromRowBuffer, narrowed);

        // Below the threshold only the fused pass streams float outputs: straight from its vectors where each fills a
        // line, else through its tiles where the image (32FC1 at 1920x1080, 16.6 MB in all) does not fit the
        // last-level cache. Narrowed outputs stay in the cache.
        OutputStores expectedHd = !fusedOnLines ? OutputStores.Cached
            : Vector512.IsHardwareAccelerated ? OutputStores.Streamed
            : cache == LargeCache ? OutputStores.Cached
            : OutputStores.StreamedFromRowBuffer;
        Assert.Equal(expectedHd, hd);
        Assert.Equal(OutputStores.Cached, BandLayout.ChooseOutput(2 * 1920L * 1080 * 4, sizeof(byte), sizeof(ushort), fusedOnLines, fusedBytePairs: false, cache)); // 8UC4

        // Source and destination count: the output of an 8UC1 7680x4320 image alone is just below the threshold.
        Assert.Equal(OutputStores.StreamedFromRowBuffer, BandLayout.ChooseOutput(2 * 7680L * 4320, sizeof(byte), sizeof(ushort), fusedOnLines, fusedBytePairs: false, cache));

        // One-channel 8-bit pixels stored in pairs by the fused pass fill a line with each Vector512 store and stream
        // straight from it; below the threshold they stay in the cache, as other narrowed outputs do.
        Assert.Equal(
            Vector512.IsHardwareAccelerated ? OutputStores.Streamed : OutputStores.StreamedFromRowBuffer,
            BandLayout.ChooseOutput(2 * 7680L * 4320, sizeof(byte), sizeof(ushort), fusedOnLines, fusedBytePairs: true, cache));
        Assert.Equal(OutputStores.Cached, BandLayout.ChooseOutput(2 * 3840L * 2160, sizeof(byte), sizeof(ushort), fusedOnLines, fusedBytePairs: true, cache));
    }

    [Fact]
    public void Runtime_8_bit_kernels_say_whether_their_fused_pass_stores_pairs_of_pixels()
    {
        // Radii up to 2 with neighbouring weights one pmaddubsw applies; sums too wide for a lane (up to radius 4) only
        // where they are summed in 32 bits with 32 registers (AVX-512). The engine streams such outputs straight from the pass.
        bool wideInPairs = Vector512Ops<ushort>.HasWideSums && Vector512Ops<ushort>.HasThirtyTwoRegisters;
        Assert.True(Kernel(3, 0).FusedBytePairs); // 1 2 1
        Assert.True(Kernel(5, 0).FusedBytePairs); // 1 4 6 4 1
        Assert.Equal(wideInPairs, Kernel(5, 1.2).FusedBytePairs); // 11 31 44 31 11: the 2-D sum needs 22 bits
        Assert.Equal(wideInPairs, Kernel(7, 0).FusedBytePairs); // 1 6 15 20 15 6 1: radius 3, wide sums only
        Assert.Equal(wideInPairs, Kernel(9, 0).FusedBytePairs); // radius 4
        Assert.False(Kernel(11, 0).FusedBytePairs); // radius 5: the registers would spill
        Assert.False(new IntegerKernel<ushort, uint>(GaussianKernels.CreateFixedPoint(3, 0, 16), GaussianKernels.CreateFixedPoint(3, 0, 16)).FusedBytePairs);
        Assert.False(new FloatKernel<float, float>([.. GaussianKernels.Create(3, 0).Select(w => (float)w)], [.. GaussianKernels.Create(3, 0).Select(w => (float)w)]).FusedBytePairs);

        static IntegerKernel<byte, ushort> Kernel(int size, double sigma) =>
            new(GaussianKernels.CreateFixedPoint(size, sigma, 8), GaussianKernels.CreateFixedPoint(size, sigma, 8));
    }

    [Fact]
    public void The_last_level_cache_is_the_largest_cache_the_operating_system_lists()
    {
        // Linux lists the caches it read with the same instruction; elsewhere only plausibility can be checked.
        const string caches = "/sys/devices/system/cpu/cpu0/cache";
        long listed = Directory.Exists(caches)
            ? Directory.GetDirectories(caches, "index*").Select(d => Path.Combine(d, "size")).Where(File.Exists).Select(ParseSize).DefaultIfEmpty(0).Max()
            : 0;
        if (listed > 0 && X86Base.IsSupported)
        {
            Assert.Equal(listed, LastLevelCache.Bytes);
        }
        else
        {
            Assert.InRange(LastLevelCache.Bytes, 0, 1L << 32);
        }

        static long ParseSize(string file)
        {
            string text = File.ReadAllText(file).Trim();
            long scale = text.EndsWith('K') ? 1024 : text.EndsWith('M') ? 1024 * 1024 : 1;
            return long.Parse(scale == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * scale;
        }
    }

    [Fact]
    public unsafe void A_streamed_range_is_whole_lines_with_ends_of_at_least_a_vector_or_what_is_stored_elsewhere()
    {
        float* line = (float*)(1L << 20);

        // On a line: all of it, up to the last whole line, leaving a tail of at least a vector (16 floats).
        Assert.Equal((0, 64), NonTemporal.StreamedRange(line, 64, 16));
        Assert.Equal((0, 48), NonTemporal.StreamedRange(line, 70, 16));
        Assert.Equal((0, 80), NonTemporal.StreamedRange(line, 80, 16));

        // One float past a line: a head of 15 is shorter than a vector, so it takes the next line too; so does the tail.
        Assert.Equal((31, 79), NonTemporal.StreamedRange(line + 1, 100, 16));
        Assert.Equal((15, 79), NonTemporal.StreamedRange(line + 1, 100, 8));

        // The caller stores 7 elements at each end by other means (the fused pass's edges): each plain end holds them
        // (4 before the first line is too few, so the head takes the next line too; a tail of 0 takes the last line), and
        // may be shorter than a vector where nothing else computes it (0); else it is at least a vector as above.
        Assert.Equal((15, 79), NonTemporal.StreamedRange(line + 1, 100, 0, 7));
        Assert.Equal((20, 84), NonTemporal.StreamedRange(line + 12, 100, 0, 7));
        Assert.Equal((31, 79), NonTemporal.StreamedRange(line + 1, 100, 16, 7));

        // Too short to hold a line between its ends, or no float on a line boundary: nothing streams.
        Assert.Equal(-1, NonTemporal.StreamedRange(line + 1, 40, 16).Head);
        Assert.Equal(-1, NonTemporal.StreamedRange((float*)((byte*)line + 2), 1000, 16).Head);
    }

    private static FilterOptions Options(OutputStores output, bool generated, int threads) =>
        new(threads) { UseGeneratedKernels = generated, OutputStores = output };
}
