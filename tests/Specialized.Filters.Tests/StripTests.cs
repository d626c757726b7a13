using System;
using Specialized.Filters.Convolution;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// Wide images with tall kernels are filtered in vertical strips so that the ring of rows stays in cache
/// (Convolution/BandLayout.cs). Strip edges must be invisible in the result, for every border.
/// </summary>
public class StripTests
{
    public static TheoryData<BorderMode> Borders => new() { BorderMode.Constant, BorderMode.Replicate, BorderMode.Reflect, BorderMode.Wrap, BorderMode.Reflect101 };

    [Fact]
    public void These_geometries_really_use_several_strips()
    {
        // The images of the tests below (source and destination bytes and the element size decide the ring size).
        Assert.True(Layout(5003 * 4, 4, 15, 10, 2, sizeof(ushort), 2L * 5003 * 37 * 4, sizeof(byte)).StripCount > 5);
        Assert.True(Layout(30011, 1, 15, 15, 2, sizeof(uint), 2L * 30011 * 40 * sizeof(ushort), sizeof(ushort)).StripCount > 10);
        Assert.True(Layout(8001 * 3, 3, 12, 12, 1, sizeof(float), 2L * 8001 * 14 * 3 * sizeof(float), sizeof(float)).StripCount > 2);
        Assert.Equal(1, new BandLayout(30011, 1, 15, 15, 2, sizeof(uint), BandLayout.CachedImageRing, singleStrip: true, prefetchSource: false, OutputStores.Cached).StripCount);
        var layout = Layout(5003 * 4, 4, 15, 10, 2, sizeof(ushort), 2L * 5003 * 37 * 4, sizeof(byte));
        Assert.Equal(0, layout.StripLength % 4);
        Assert.Equal(5003 * 4, layout.Strip(layout.StripCount - 1).End);
    }

    [Fact]
    public void Cache_resident_images_get_L1_sized_rings_and_streamed_images_L2_sized_ones()
    {
        // 1920x1080 8UC3 5x5: 12 MB of image, a 57 KB ring: cut. The same rows of an image too big for the cache: whole.
        BandLayout cached = Layout(1920 * 3, 3, 2, 2, 1, sizeof(ushort), 2L * 1920 * 1080 * 3, sizeof(byte));
        BandLayout streamed = Layout(1920 * 3, 3, 2, 2, 1, sizeof(ushort), BandLayout.CacheResidentImageBytes + 1, sizeof(byte));
        Assert.True(cached.StripCount > 1);
        Assert.True((long)cached.StripLength * cached.KernelHeight * sizeof(ushort) <= BandLayout.CachedImageRing.StripBytes + 1024);
        Assert.Equal(1, streamed.StripCount);

        // 7680x4320 32FC1 13x13: a float image streams from memory; its 400 KB ring fits L2 and stays whole.
        Assert.Equal(1, Layout(7680, 1, 6, 6, 1, sizeof(float), 2L * 7680 * 4320 * sizeof(float), sizeof(float)).StripCount);

        // 7680x4320 8UC4 11x11 with split rows: 44-byte ring columns make the integer passes compute-bound, so even
        // this streamed image gets strips with L1-sized rings.
        BandLayout heavy = Layout(7680 * 4, 4, 5, 5, 2, sizeof(ushort), 2L * 7680 * 4320 * 4, sizeof(byte));
        Assert.True(heavy.StripCount > 1);
        Assert.True((long)heavy.StripLength * heavy.KernelHeight * 2 * sizeof(ushort) <= BandLayout.CachedImageRing.StripBytes + 1024);

        // Rows too wide for a 1 MB ring are still cut for L2 when the ring columns are narrow: 8UC1 5x5 sigma 0
        // (10-byte columns), 120000 wide.
        BandLayout wide = Layout(120_000, 1, 2, 2, 1, sizeof(ushort), 2L * 120_000 * 200, sizeof(byte));
        Assert.InRange((long)wide.StripLength * wide.KernelHeight * sizeof(ushort), 128 * 1024, BandLayout.StreamedImageRing.StripBytes + 4096);
    }

    private static BandLayout Layout(int rowLength, int channels, int radiusX, int radiusY, int rowPlanes, int laneBytes, long imageBytes, int elementBytes) =>
        new(rowLength, channels, radiusX, radiusY, rowPlanes, laneBytes,
            BandLayout.ChooseRing(imageBytes, elementBytes, (2 * radiusY + 1) * rowPlanes * laneBytes), singleStrip: false, prefetchSource: false, OutputStores.Cached);

    [Theory]
    [MemberData(nameof(Borders))]
    public void Strips_of_a_wide_8UC4_image_are_bit_exact_with_OpenCV(BorderMode border)
    {
        var random = new Random((int)border);
        var image = TestImage<byte>.Random(random, 5003, 37, 4, 3);
        var dst = TestImage<byte>.Blank(5003, 37, 4, 1);
        Filters.GaussianBlur(image.View, dst.Span, 31, 21, 0, 0, border);
        Compare.Exact(OpenCv.GaussianBlur(image, 31, 21, 0, 0, border), dst.ToPacked(), 5003, 4, $"8UC4 {border}");
        Assert.True(dst.PaddingIsUntouched());
    }

    [Fact]
    public void Strips_of_a_wide_16UC1_image_are_bit_exact_with_OpenCV()
    {
        var random = new Random(16);
        var image = TestImage<ushort>.Random(random, 30011, 40, 1);
        var dst = TestImage<ushort>.Blank(30011, 40, 1);
        Filters.GaussianBlur(image.View, dst.Span, 31, 31, 4.5, 3.0, BorderMode.Reflect);
        Compare.Exact(OpenCv.GaussianBlur(image, 31, 31, 4.5, 3.0, BorderMode.Reflect), dst.ToPacked(), 30011, 1, "16UC1");
    }

    [Theory]
    [MemberData(nameof(Borders))]
    public void Strips_of_a_wide_32FC3_image_equal_the_reference_bit_for_bit(BorderMode border)
    {
        var random = new Random(32 + (int)border);
        var image = TestImage<float>.Random(random, 8001, 14, 3, 2);
        var dst = TestImage<float>.Blank(8001, 14, 3);
        Filters.GaussianBlur(image.View, dst.Span, 25, 25, 0, 0, border);
        Compare.Exact(Reference.FoldedFloat(image, 25, 25, 0, 0, border), dst.ToPacked(), 8001, 3, $"32FC3 {border}");
    }

    [Fact]
    public void Parallel_bands_with_strips_equal_one_thread()
    {
        var random = new Random(2);
        var image = TestImage<byte>.Random(random, 5003, 300, 4);
        var one = TestImage<byte>.Blank(5003, 300, 4);
        var two = TestImage<byte>.Blank(5003, 300, 4);
        Filters.GaussianBlur(image.View, one.Span, 31, 31, 0, 0, BorderMode.Reflect101);
        Filters.GaussianBlur(image.View, two.Span, 31, 31, 0, 0, BorderMode.Reflect101, new FilterOptions(2));
        Compare.Exact(one.ToPacked(), two.ToPacked(), 5003, 4, "2 threads");
    }
}
