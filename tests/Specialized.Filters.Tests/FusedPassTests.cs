using System;
using System.Linq;
using Specialized.Filters.Convolution;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// Kernels whose window of filtered rows fits the registers have a fused pass (Convolution/FusedFilter): the rows with
/// all vertical taps inside the image are filtered both ways at once, in tiles, and their edges from padded copies; the
/// first and last rows go through the ring of rows. Generated kernels have one up to radius 6, the runtime's kernels
/// for radii 1 to 6 (Convolution/FusedDotPass); split integer sums keep a window for each half. It must compute exactly what the ring computes, for
/// every size, border, channel count, stride and thread count, and write nothing outside the rows. Forcing the output
/// stores (an internal option) turns the fused pass off, which gives the ring's result to compare with.
/// </summary>
public class FusedPassTests
{
    [Fact]
    public void Library_kernels_have_a_fused_pass()
    {
        // Up to 13 rows the window of filtered rows fits the registers. (8U 7x7 and 9x9 split their sums and keep a
        // window for each half.)
        Assert.Equal([3, 5, 7, 9], FusedSizes<byte>());
        Assert.Equal([3, 5, 7, 9], FusedSizes<ushort>());
        Assert.Equal([3, 5, 7, 9], FusedSizes<short>());
        Assert.Equal([3, 5, 7, 9], FusedSizes<float>());
        Assert.Equal([3, 5, 7, 9], FusedSizes<double>());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fused_rows_equal_the_ring_of_rows(bool generated)
    {
        Check<byte>(generated);
        Check<ushort>(generated);
        Check<short>(generated);
        Check<float>(generated);
        Check<double>(generated);
    }

    [Theory]
    [InlineData(100, 10, 1, 99, 10, 6, 10)] // the last source row's reach: (6 + 3) * 10 + 10 + 2 = 102 elements
    [InlineData(200, 10, 1, 99, 10, 10, 10)] // the output: 9 * 10 + 10 = 100 elements
    [InlineData(200, 10, 0, 200, 10, 1, 1)] // no channels
    [InlineData(200, 10, 5, 200, 10, 1, 1)] // more than four
    [InlineData(200, -1, 1, 200, 10, 1, 1)] // a negative stride
    [InlineData(200, 10, 1, 200, 10, 0, 1)] // no rows
    public void A_fused_pass_that_would_leave_its_spans_throws_before_it_reads(
        int sourceLength, int sourceStride, int channels, int destinationLength, int destinationStride, int rows, int count)
    {
        // A 3x5 kernel: two elements of horizontal reach, five source rows per output row.
        var kernel = new FloatKernel<float, float>(GaussianKernels.Create(3, 0).Select(w => (float)w).ToArray(), GaussianKernels.Create(5, 0).Select(w => (float)w).ToArray());
        Assert.True(kernel.HasFusedPass);
        var destination = new float[destinationLength];
        Assert.Throws<InvalidOperationException>(() => kernel.FilterFused(new float[sourceLength], sourceStride, channels, destination, destinationStride, rows, count, nonTemporal: false));
        Assert.All(destination, value => Assert.Equal(0, value));
    }

    [Fact]
    public void A_fused_pass_within_its_spans_runs()
    {
        var kernel = new FloatKernel<float, float>(GaussianKernels.Create(3, 0).Select(w => (float)w).ToArray(), GaussianKernels.Create(5, 0).Select(w => (float)w).ToArray());
        var source = Enumerable.Repeat(1f, 102).ToArray();
        var destination = new float[100];
        kernel.FilterFused(source, 10, 1, destination, 10, 6, 10, nonTemporal: false);
        Assert.All(destination.Take(60), value => Assert.Equal(1f, value, 6)); // a flat image stays flat
    }

    [Fact]
    public void Windows_larger_than_sixteen_registers_take_the_ring_unless_the_machine_has_thirty_two()
    {
        bool thirtyTwo = System.Runtime.Intrinsics.X86.Avx512F.VL.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.Arm64.IsSupported;
        Assert.True(FusedFilter.WindowFits(1));
        Assert.True(FusedFilter.WindowFits(FusedFilter.MaxWindowVectorsOnSixteenRegisters));
        Assert.Equal(thirtyTwo, FusedFilter.WindowFits(FusedFilter.MaxWindowVectorsOnSixteenRegisters + 1));
        Assert.Equal(thirtyTwo, FusedFilter.WindowFits(26));
    }

    [Theory]
    [InlineData(3, 0, false, 12)] // radius 1: four vectors wide
    [InlineData(5, 0, false, 10)] // radius 2: two vectors wide
    [InlineData(7, 0, true, 7)] // 8U 7x7 splits its sums, and x86 sums them wide: one window
    [InlineData(9, 0, true, 9)]
    [InlineData(13, 2.0, true, 13)]
    public void Runtime_kernels_count_their_window_of_rows(int ksize, double sigma, bool split, int vectors)
    {
        int[] fixedWeights = GaussianKernels.CreateFixedPoint(ksize, sigma, 8);
        var kernel = new IntegerKernel<byte, ushort>(fixedWeights, fixedWeights);
        Assert.Equal(split, kernel.IsSplit);
        Assert.Equal(vectors, kernel.FusedWindowVectors);
        var floats = new FloatKernel<float, float>(GaussianKernels.Create(ksize, sigma).Select(w => (float)w).ToArray(), GaussianKernels.Create(ksize, sigma).Select(w => (float)w).ToArray());
        Assert.Equal(ksize * (ksize == 3 ? 4 : ksize == 5 ? 2 : 1), floats.FusedWindowVectors);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_channel_8_bit_images_filtered_in_pairs_of_pixels_equal_the_ring_of_rows(bool generated)
    {
        // Lane sums of one-channel 8-bit images go through the fused pass in pairs of pixels (the even and the odd
        // ones in the halves of 16-bit lanes), radii up to 2: every width up to a few pairs of vectors at any vector
        // width (a pair at 512 bits is 64 pixels), so that each loop and the pair moved back at the end run; odd
        // strides, every border, one to three threads.
        var random = new Random(generated ? 11 : 12);
        (int X, int Y)[] ksizes = generated ? [(3, 3), (5, 5)] : [(3, 3), (5, 5), (3, 5), (5, 3)];
        int[] widths = [.. Enumerable.Range(1, 140), 255, 256, 257, 259, 261];
        foreach (int width in widths)
        {
            (int ksizeX, int ksizeY) = ksizes[width % ksizes.Length];
            int height = random.Next(1, 14), threads = random.Next(1, 4);
            var border = (BorderMode)random.Next(5);
            var image = TestImage<byte>.Random(random, width, height, 1, random.Next(0, 9));
            string context = $"{width}x{height} k={ksizeX}x{ksizeY} {border} threads={threads} generated={generated}";

            var ring = TestImage<byte>.Blank(width, height, 1, random.Next(0, 9));
            Filters.GaussianBlur(image.View, ring.Span, ksizeX, ksizeY, 0, 0, border, new FilterOptions(1) { OutputStores = OutputStores.Cached, UseGeneratedKernels = generated });
            var fused = TestImage<byte>.Blank(width, height, 1, random.Next(0, 9));
            Filters.GaussianBlur(image.View, fused.Span, ksizeX, ksizeY, 0, 0, border, new FilterOptions(threads) { UseGeneratedKernels = generated });
            Compare.Exact(ring.ToPacked(), fused.ToPacked(), width, 1, context);
            Assert.True(fused.PaddingIsUntouched(), context + ": wrote outside the rows");
        }
    }

    [Fact]
    public void One_channel_8_bit_pairs_of_pixels_equal_the_ring_of_rows_for_any_weights()
    {
        // The runtime's pairs of pixels weight two taps in one MultiplyAddBytePairs (pmaddubsw), and where the
        // outermost weights are 1 take that tap's byte alone; kernels whose neighbouring weights overflow it (a lane sum
        // with a sharp kernel on one axis and none on the other) go the widening way. Sums too wide for a lane go in
        // pairs too where the hardware sums them in 32 bits with 32 registers (AVX-512), mirrored rows added first or
        // each row on its own (WideColumnSums), for radii up to 4. Random sizes and sigmas reach them all.
        var random = new Random(13);
        double[] sigmas = [0, 0.1, 0.3, 0.5, 0.8, 1.1, 1.5, 2.0];
        var seen = new System.Collections.Generic.HashSet<string>();
        foreach (int width in (int[])[.. Enumerable.Range(1, 140), 255, 256, 257, 259, 261])
        {
            int ksizeX = 3 + 2 * random.Next(4), ksizeY = 3 + 2 * random.Next(4);
            double sigmaX = sigmas[random.Next(sigmas.Length)], sigmaY = sigmas[random.Next(sigmas.Length)];
            int[] x = Reduced(GaussianKernels.CreateFixedPoint(ksizeX, sigmaX, 8), out int bitsX);
            Reduced(GaussianKernels.CreateFixedPoint(ksizeY, sigmaY, 8), out int bitsY);
            bool fit = x.Zip(x.Skip(1)).All(pair => BytePairWeights.Fit(pair.First, pair.Second));
            if (bitsX + bitsY <= 8)
            {
                seen.Add(!fit ? "no fit" : x[0] == 1 ? "outer 1" : "outer any");
            }
            else if (fit)
            {
                seen.Add(WideColumnSums.For(bitsX, bitsY).Pairs ? "wide, mirrored rows" : "wide, single rows");
                seen.Add(Math.Max(ksizeX, ksizeY) >= 7 ? "wide, radius 3 or 4" : "wide, radius 1 or 2");
            }

            int height = random.Next(1, 14), threads = random.Next(1, 4);
            var border = (BorderMode)random.Next(5);
            var image = TestImage<byte>.Random(random, width, height, 1, random.Next(0, 9));
            string context = $"{width}x{height} k={ksizeX}x{ksizeY} sigma={sigmaX}/{sigmaY} {border} threads={threads}";
            var ring = TestImage<byte>.Blank(width, height, 1, random.Next(0, 9));
            Filters.GaussianBlur(image.View, ring.Span, ksizeX, ksizeY, sigmaX, sigmaY, border, new FilterOptions(1) { OutputStores = OutputStores.Cached, UseGeneratedKernels = false });
            var fused = TestImage<byte>.Blank(width, height, 1, random.Next(0, 9));
            Filters.GaussianBlur(image.View, fused.Span, ksizeX, ksizeY, sigmaX, sigmaY, border, new FilterOptions(threads) { UseGeneratedKernels = false });
            Compare.Exact(ring.ToPacked(), fused.ToPacked(), width, 1, context);
            Assert.True(fused.PaddingIsUntouched(), context + ": wrote outside the rows");
        }

        Assert.Equal(["no fit", "outer 1", "outer any", "wide, mirrored rows", "wide, radius 1 or 2", "wide, radius 3 or 4", "wide, single rows"], seen.Order());

        static int[] Reduced(int[] fixedWeights, out int bits)
        {
            int zeros = fixedWeights.Where(w => w != 0).Min(w => System.Numerics.BitOperations.TrailingZeroCount(w));
            bits = 8 - zeros;
            return [.. fixedWeights.Select(w => w >> zeros)];
        }
    }

    [Fact]
    public void Runtime_8_bit_kernels_sum_columns_wide_exactly_in_every_mode()
    {
        // The three ways WideColumnSums forms its terms: mirrored pairs (reduced sums of 5-6 bits), mirrored pairs
        // of rows offset by -2^14 (7 bits), single rows offset by -2^15 (8 bits). Find a kernel of each and compare the
        // fused pass with the ring.
        var found = new System.Collections.Generic.Dictionary<(bool Pairs, bool Offset), (int Ksize, double Sigma)>();
        for (int ksize = 3; ksize <= 13; ksize += 2)
        {
            for (double sigma = 0; sigma <= 3.0; sigma += 0.05)
            {
                int[] fixedWeights = GaussianKernels.CreateFixedPoint(ksize, sigma, 8);
                int bits = 8 - fixedWeights.Where(w => w != 0).Min(w => System.Numerics.BitOperations.TrailingZeroCount(w));
                if (2 * bits > 8)
                {
                    WideColumnSums sums = WideColumnSums.For(bits, bits);
                    found.TryAdd((sums.Pairs, sums.Offset), (ksize, sigma));
                }
            }
        }

        Assert.Equal(3, found.Count);
        var random = new Random(5);
        foreach (((bool pairs, bool offset), (int ksize, double sigma)) in found)
        {
            var image = TestImage<byte>.Random(random, 203, 150, 3, 7);
            var ring = TestImage<byte>.Blank(203, 150, 3, 0);
            var fused = TestImage<byte>.Blank(203, 150, 3, 0);
            var runtime = new FilterOptions(1) { UseGeneratedKernels = false };
            Filters.GaussianBlur(image.View, ring.Span, ksize, ksize, sigma, sigma, BorderMode.Reflect101, runtime with { OutputStores = OutputStores.Cached });
            Filters.GaussianBlur(image.View, fused.Span, ksize, ksize, sigma, sigma, BorderMode.Reflect101, runtime with { FuseLargeWindows = true });
            Compare.Exact(ring.ToPacked(), fused.ToPacked(), 203, 3, $"ksize {ksize} sigma {sigma} pairs={pairs} offset={offset}");
        }
    }

    [Fact]
    public void Runtime_kernels_with_split_16_bit_sums_keep_a_window_for_each_half()
    {
        int[] fixedWeights = GaussianKernels.CreateFixedPoint(11, 0, 16);
        var kernel = new IntegerKernel<ushort, uint>(fixedWeights, fixedWeights);
        Assert.True(kernel.IsSplit);
        Assert.Equal(2 * 11, kernel.FusedWindowVectors);
    }

    [Theory]
    [InlineData(typeof(byte), 3, 12)] // lane sums four vectors wide
    [InlineData(typeof(byte), 9, 9)] // wide 32-bit column sums: one window
    [InlineData(typeof(ushort), 9, 9)] // its sums fit a lane (split generated sums: the snapshot tests)
    [InlineData(typeof(float), 5, 10)]
    public void Generated_kernels_count_their_window_of_rows(Type element, int ksize, int vectors)
    {
        int actual = element == typeof(byte) ? Window<byte>(ksize) : element == typeof(ushort) ? Window<ushort>(ksize) : Window<float>(ksize);
        Assert.Equal(vectors, actual);

        static int Window<T>(int ksize)
            where T : unmanaged =>
            GeneratedKernelRegistry.Find<T>(GaussianMath.Create(ksize, 0), GaussianMath.Create(ksize, 0))!.FusedWindowVectors;
    }

    private static int[] FusedSizes<T>()
        where T : unmanaged =>
        new[] { 3, 5, 7, 9 }.Where(k => GeneratedKernelRegistry.Find<T>(GaussianMath.Create(k, 0), GaussianMath.Create(k, 0))!.HasFusedPass).ToArray();

    private static void Check<T>(bool generated)
        where T : unmanaged
    {
        var random = new Random(typeof(T).Name.Length * 977 + (generated ? 1 : 0));

        // Generated: all of the library's kernels fuse (8U 7x7 and 9x9 with split sums). Runtime: 3 to 13 fuse (8U 7x7
        // and up, and sigma 1.7, with split sums), 1 and 15 do not; it also gets rectangular kernels and sigmas that no
        // generated kernel matches.
        int[] ksizes = generated ? [3, 5, 7, 9] : [1, 3, 5, 7, 9, 11, 13, 15];
        double[] sigmas = generated ? [0] : [0, 0.8, 1.7];

        // Narrow images (the edges meet in the middle), short ones (no row or a single tile inside), tall ones (several
        // tiles and a remainder, several bands; the last two are cut into more pieces than threads).
        (int Width, int Height)[] shapes = [(1, 9), (5, 5), (7, 8), (9, 40), (17, 33), (33, 3), (40, 71), (64, 100), (130, 97), (300, 150), (23, 700), (3, 1000)];
        for (int i = 0; i < 60; i++)
        {
            (int width, int height) = i < shapes.Length ? shapes[i] : (random.Next(1, 200), random.Next(1, 200));
            int channels = random.Next(1, 5), threads = random.Next(1, 4);
            threads = i >= 10 && i < shapes.Length ? 2 + i % 2 : threads;
            int ksizeX = ksizes[random.Next(ksizes.Length)], ksizeY = generated ? ksizeX : ksizes[random.Next(ksizes.Length)];
            double sigma = sigmas[random.Next(sigmas.Length)];
            var border = (BorderMode)random.Next(5);
            var image = TestImage<T>.Random(random, width, height, channels, random.Next(0, 40));
            string context = $"{typeof(T).Name} {width}x{height}x{channels} k={ksizeX}x{ksizeY} sigma={sigma} {border} threads={threads} generated={generated}";

            var ring = TestImage<T>.Blank(width, height, channels, random.Next(0, 40));
            Filters.GaussianBlur(
                image.View, ring.Span, ksizeX, ksizeY, sigma, sigma, border, new FilterOptions(1) { OutputStores = OutputStores.Cached, UseGeneratedKernels = generated });

            var fused = TestImage<T>.Blank(width, height, channels, random.Next(0, 40));
            Filters.GaussianBlur(
                image.View, fused.Span, ksizeX, ksizeY, sigma, sigma, border, new FilterOptions(threads) { UseGeneratedKernels = generated, FuseLargeWindows = true });
            Compare.Exact(ring.ToPacked(), fused.ToPacked(), width, channels, context);
            Assert.True(fused.PaddingIsUntouched(), context + ": wrote outside the rows");
        }
    }
}
