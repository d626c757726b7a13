using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Specialized.Filters.Convolution;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>Images larger than the caches (37 MB), with an odd width so rows start at every alignment.</summary>
public class LargeImageTests
{
    [Fact]
    public void A_37_MB_8UC1_image_is_bit_exact_with_OpenCV()
    {
        var random = new Random(11);
        var image = TestImage<byte>.Random(random, 6151, 6000, 1, 3);
        var dst = TestImage<byte>.Blank(6151, 6000, 1, 5);
        Filters.GaussianBlur(image.View, dst.Span, 5, 5, 1.3, 1.3, BorderMode.Reflect101);
        Compare.Exact(OpenCv.GaussianBlur(image, 5, 5, 1.3, 1.3, BorderMode.Reflect101), dst.ToPacked(), 6151, 1, "8UC1 6151x6000");
        Assert.True(dst.PaddingIsUntouched());
    }

    /// <summary>
    /// 8-bit outputs of 32 MB or more, whose rows start on the same offset within a cache line, stream from fused tiles
    /// (Convolution/FusedFilter.Applies): the interior of each tile is filtered strip by strip into a buffer and
    /// streamed out, or, for one channel in pairs of pixels with AVX-512, streamed straight from the pass
    /// (Convolution/BandLayout.ChooseOutput). It must equal OpenCV and the ring's streamed output, on one thread and on two.
    /// </summary>
    [Theory]
    [InlineData(5, 0.0, true, 1)] // in pairs of pixels
    [InlineData(3, 0.0, false, 1)] // the runtime's pairs
    [InlineData(5, 1.2, true, 1)] // pairs with wide sums
    [InlineData(7, 0.0, true, 1)] // 8U 7x7 splits its sums
    [InlineData(5, 1.2, false, 1)] // the runtime engine's fused pass
    [InlineData(7, 1.9, false, 1)]
    [InlineData(3, 0.0, true, 3)]
    [InlineData(9, 0.0, true, 3)] // split sums, a window of 8 rows for each half
    [InlineData(11, 0.0, false, 4)] // the runtime's radius 5
    public void Streamed_fused_tiles_equal_the_ring_and_OpenCV(int ksize, double sigma, bool generated, int channels)
    {
        // About 4160 bytes a row, whole cache lines (65 for one channel, 66 for three); the interior of each row starts
        // RadiusX pixels in, off the line. 4100 rows: 17 MB each way.
        int width = channels == 3 ? 1408 : 4160 / channels;
        var random = new Random(ksize * 10 + (generated ? 1 : 0) + channels);
        var image = TestImage<byte>.Random(random, width, 4100, channels);
        var fused = TestImage<byte>.Blank(width, 4100, channels);
        var ring = TestImage<byte>.Blank(width, 4100, channels);
        var options = new FilterOptions(1) { UseGeneratedKernels = generated };
        Filters.GaussianBlur(image.View, ring.Span, ksize, ksize, sigma, sigma, BorderMode.Reflect101, options with { OutputStores = OutputStores.StreamedFromRowBuffer });
        byte[] expected = OpenCv.GaussianBlur(image, ksize, ksize, sigma, sigma, BorderMode.Reflect101);
        string context = $"{ksize} {sigma} {channels} channels";
        Compare.Exact(expected, ring.ToPacked(), width, channels, $"ring {context}");
        foreach (int threads in new[] { 1, 2 })
        {
            Array.Clear(fused.Data);
            Filters.GaussianBlur(image.View, fused.Span, ksize, ksize, sigma, sigma, BorderMode.Reflect101, options with { DegreeOfParallelism = threads });
            Compare.Exact(expected, fused.ToPacked(), width, channels, $"fused {context} threads={threads}");
        }
    }

    /// <summary>
    /// Float images from 12 MB (source and destination) whose destination rows start at one offset within a cache line
    /// stream their output straight from the fused pass (Convolution/BandLayout.ChooseOutput): whole lines in the middle
    /// of each row with streaming stores, the ends and the edges with plain ones. Rows of other lengths keep the fused
    /// pass with plain stores. Either way the output must equal the ring's bit for bit, and OpenCV within a rounding, on
    /// one thread and on two.
    /// </summary>
    [Theory]
    [InlineData(1984, 1000, 1, 3, true)] // 7936 bytes a row: 124 lines; 15.9 MB in all
    [InlineData(1984, 1000, 1, 5, false)]
    [InlineData(1024, 1000, 3, 7, true)] // 12288 bytes a row: 192 lines
    [InlineData(1999, 1000, 1, 5, true)] // 7996 bytes a row: rows start at every offset, so nothing streams
    public void Float_outputs_streamed_from_the_fused_pass_equal_the_ring_and_OpenCV(int width, int height, int channels, int ksize, bool generated)
    {
        var random = new Random(width + ksize);
        var image = TestImage<float>.Random(random, width, height, channels);
        var fused = TestImage<float>.Blank(width, height, channels);
        var ring = TestImage<float>.Blank(width, height, channels);
        var options = new FilterOptions(1) { UseGeneratedKernels = generated };
        Filters.GaussianBlur(image.View, ring.Span, ksize, ksize, 0, 0, BorderMode.Reflect101, options with { OutputStores = OutputStores.Cached });
        float[] expected = ring.ToPacked();
        Compare.Close(OpenCv.GaussianBlur(image, ksize, ksize, 0, 0, BorderMode.Reflect101), expected, 1e-5, 1e-3, width, channels, $"ring {ksize}"); // data up to 100: sums cancel
        foreach (int threads in new[] { 1, 2 })
        {
            Array.Fill(fused.Data, float.NaN);
            Filters.GaussianBlur(image.View, fused.Span, ksize, ksize, 0, 0, BorderMode.Reflect101, options with { DegreeOfParallelism = threads });
            Compare.Exact(expected, fused.ToPacked(), width, channels, $"fused {width}x{height}x{channels} {ksize} threads={threads}");
        }
    }

    /// <summary>
    /// Where the output streams straight from the fused pass, the edge calls also store the plain stretch between the
    /// ends of each row and its first and last whole cache line (Convolution/FusedFilter.FilterStreamed), so how wide
    /// they are depends on where the rows start within a line. Every start must give the ring's output, on one thread
    /// and on two, and store nothing outside the rows: floats from 12 MB, one-channel 8-bit images in pairs of pixels
    /// from 32 MB.
    /// </summary>
    [Theory]
    [InlineData(3, true)]
    [InlineData(5, false)]
    [InlineData(7, true)]
    public void Streamed_fused_outputs_equal_the_ring_wherever_the_rows_start(int ksize, bool generated)
    {
        MatchesTheRingAtEveryStart<float>(1600, 1000, ksize, generated); // 6400 bytes a row: 100 lines; 12.8 MB in all
        MatchesTheRingAtEveryStart<byte>(4160, 4100, ksize, generated); // 65 lines a row; 34 MB in all
    }

    private static void MatchesTheRingAtEveryStart<T>(int width, int height, int ksize, bool generated)
        where T : unmanaged
    {
        var random = new Random(ksize + width);
        var image = TestImage<T>.Random(random, width, height, 1);
        var ring = TestImage<T>.Blank(width, height, 1);
        var options = new FilterOptions(1) { UseGeneratedKernels = generated };
        Filters.GaussianBlur(image.View, ring.Span, ksize, ksize, 0, 0, BorderMode.Reflect101, options with { OutputStores = OutputStores.Cached });
        T[] expected = ring.ToPacked();
        int line = NonTemporal.CacheLine / Unsafe.SizeOf<T>(), size = width * height;
        var destination = new T[size + line];
        for (int start = 0; start < line; start++)
        {
            Array.Fill(destination, TestImage<T>.Sentinel);
            var output = new ImageSpan<T>(destination.AsSpan(start, size), width, height);
            Filters.GaussianBlur(image.View, output, ksize, ksize, 0, 0, BorderMode.Reflect101, options with { DegreeOfParallelism = 1 + start % 2 });
            string context = $"{typeof(T).Name} {ksize}x{ksize} generated={generated} starting {start} elements into the array";
            Assert.True(MemoryMarshal.AsBytes(expected.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(destination.AsSpan(start, size))), context);
            Assert.True(destination.AsSpan(0, start).ToArray().All(v => v.Equals(TestImage<T>.Sentinel)), context + ": stored before the image");
            Assert.True(destination.AsSpan(start + size).ToArray().All(v => v.Equals(TestImage<T>.Sentinel)), context + ": stored after the image");
        }
    }

    [Fact]
    public void A_38_MB_32FC3_image_matches_the_reference_bit_for_bit()
    {
        var random = new Random(12);
        var image = TestImage<float>.Random(random, 1777, 1800, 3, 1);
        var blurred = TestImage<float>.Blank(1777, 1800, 3, 2);
        Filters.GaussianBlur(image.View, blurred.Span, 7, 7, 0, 0, BorderMode.Replicate);
        Assert.True(blurred.PaddingIsUntouched());

        // Its top rows equal those of a 40-row crop filtered by the reference (rows 0-36 do not see the crop's bottom).
        float[] expected = new float[1777 * 3 * 1800];
        float[] reference = Reference.FoldedFloat(image.Crop(0, 0, 1777, 40), 7, 7, 0, 0, BorderMode.Replicate);
        Array.Copy(reference, expected, 1777 * 3 * 37);
        Compare.Exact(expected[..(1777 * 3 * 37)], blurred.ToPacked()[..(1777 * 3 * 37)], 1777, 3, "32FC3 top rows");
    }
}
