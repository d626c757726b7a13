using System;
using System.Linq;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>Every bad input gets a clear exception naming the parameter, and nothing is written.</summary>
public class ValidationTests
{
    private const byte Untouched = 0x5A;

    private delegate void BlurCall(ImageView<byte> src, ImageSpan<byte> dst);

    /// <summary>Runs <paramref name="call"/> on a 10x8 RGB image and asserts the exception, its parameter and an untouched dst.</summary>
    private static TException Rejects<TException>(string paramName, BlurCall call, int width = 10, int height = 8, int channels = 3)
        where TException : ArgumentException
    {
        byte[] src = Enumerable.Range(0, width * height * channels).Select(i => (byte)i).ToArray();
        byte[] dst = Enumerable.Repeat(Untouched, width * height * channels).ToArray();
        var e = Assert.Throws<TException>(() => call(new ImageView<byte>(src, width, height, channels), new ImageSpan<byte>(dst, width, height, channels)));
        Assert.Equal(paramName, e.ParamName);
        Assert.All(dst, v => Assert.Equal(Untouched, v));
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        return e;
    }

    [Theory]
    [InlineData(4)]
    [InlineData(2)]
    [InlineData(-3)]
    [InlineData(-1)]
    public void Even_or_negative_square_ksize(int ksize)
    {
        Rejects<ArgumentOutOfRangeException>("ksize", (s, d) => Filters.GaussianBlur(s, d, ksize, 1.0));
    }

    [Fact]
    public void Even_or_negative_ksize_per_axis()
    {
        Rejects<ArgumentOutOfRangeException>("ksizeX", (s, d) => Filters.GaussianBlur(s, d, 6, 3, 1.0, 1.0));
        Rejects<ArgumentOutOfRangeException>("ksizeY", (s, d) => Filters.GaussianBlur(s, d, 3, -5, 1.0, 1.0));
        Rejects<ArgumentOutOfRangeException>("ksizeY", (s, d) => Filters.GaussianBlur(s, d, 3, GaussianKernels.MaxFilterSize + 2, 1.0, 1.0));
    }

    [Fact]
    public void Ksize_zero_needs_a_positive_sigma()
    {
        var e = Rejects<ArgumentOutOfRangeException>("ksize", (s, d) => Filters.GaussianBlur(s, d, 0, 0.0));
        Assert.Contains("sigma", e.Message);
        Rejects<ArgumentOutOfRangeException>("ksize", (s, d) => Filters.GaussianBlur(s, d, 0, -2.0));
        Rejects<ArgumentOutOfRangeException>("ksizeX", (s, d) => Filters.GaussianBlur(s, d, 0, 3, 0, 1.5));
        Rejects<ArgumentOutOfRangeException>("ksizeY", (s, d) => Filters.GaussianBlur(s, d, 3, 0, 0, 0));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Sigma_must_be_finite(double sigma)
    {
        Rejects<ArgumentOutOfRangeException>("sigma", (s, d) => Filters.GaussianBlur(s, d, 3, sigma));
        Rejects<ArgumentOutOfRangeException>("sigmaX", (s, d) => Filters.GaussianBlur(s, d, 3, 3, sigma, 1));
        Rejects<ArgumentOutOfRangeException>("sigmaY", (s, d) => Filters.GaussianBlur(s, d, 3, 3, 1, sigma));
    }

    [Fact]
    public void Sigma_too_large_for_a_derived_size()
    {
        Rejects<ArgumentOutOfRangeException>("sigma", (s, d) => Filters.GaussianBlur(s, d, 0, 1e6));
        Rejects<ArgumentOutOfRangeException>("sigmaY", (s, d) => Filters.GaussianBlur(s, d, 3, 0, 1, 1e300));
    }

    [Fact]
    public void Unknown_border()
    {
        Rejects<ArgumentOutOfRangeException>("border", (s, d) => Filters.GaussianBlur(s, d, 3, 0, (BorderMode)5));
        Rejects<ArgumentOutOfRangeException>("border", (s, d) => Filters.GaussianBlur(s, d, 3, 0, (BorderMode)(-1)));
        Rejects<ArgumentOutOfRangeException>("border", (s, d) => Filters.GaussianBlur(s, d, 3, 0, (BorderMode)16));
    }

    [Fact]
    public void Sizes_and_channels_must_match()
    {
        byte[] src = new byte[10 * 8 * 3];
        byte[] dst = Enumerable.Repeat(Untouched, 10 * 8 * 4).ToArray();
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(src, 10, 8, 3), new ImageSpan<byte>(dst, 10, 8, 4), 3, 0)).ParamName);
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(src, 10, 8, 3), new ImageSpan<byte>(dst, 9, 8, 3), 3, 0)).ParamName);
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(src, 10, 8, 3), new ImageSpan<byte>(dst, 10, 7, 3), 3, 0)).ParamName);
        Assert.All(dst, v => Assert.Equal(Untouched, v));
    }

    [Fact]
    public void Default_images_are_rejected()
    {
        byte[] data = new byte[12];
        Assert.Equal("src", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(default, new ImageSpan<byte>(data, 4, 3), 3, 0)).ParamName);
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(data, 4, 3), default, 3, 0)).ParamName);
    }

    [Fact]
    public void Partial_overlap_is_rejected_and_exact_aliasing_is_in_place()
    {
        byte[] buffer = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();
        byte[] before = (byte[])buffer.Clone();
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(buffer.AsSpan(0, 100), 10, 10), new ImageSpan<byte>(buffer.AsSpan(5, 100), 10, 10), 3, 0)).ParamName);
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(buffer, 10, 10, 1, 20), new ImageSpan<byte>(buffer, 10, 9, 1, 20), 3, 0)).ParamName);
        Assert.Equal("dst", Assert.Throws<ArgumentException>(() =>
            Filters.GaussianBlur(new ImageView<byte>(buffer, 10, 5, 1, 20), new ImageSpan<byte>(buffer, 10, 5, 1, 30), 3, 0)).ParamName);
        Assert.Equal(before, buffer);
    }

    [Fact]
    public void Unsupported_element_type_names_the_type()
    {
        int[] data = new int[16];
        var e = Assert.Throws<NotSupportedException>(() => Filters.GaussianBlur(new ImageView<int>(data, 4, 4), new ImageSpan<int>(data, 4, 4), 3, 0));
        Assert.Contains("System.Int32", e.Message);
        Assert.Throws<NotSupportedException>(() =>
            Filters.GaussianBlur(new ImageView<sbyte>(new sbyte[4], 2, 2), new ImageSpan<sbyte>(new sbyte[4], 2, 2), 3, 3, 0, 0));
    }

    [Fact]
    public void Image_constructors_validate_geometry()
    {
        byte[] data = new byte[100];
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageView<byte>(data, 0, 1)).ParamName);
        Assert.Equal("height", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageView<byte>(data, 1, -2)).ParamName);
        Assert.Equal("channels", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageView<byte>(data, 2, 2, 0)).ParamName);
        Assert.Equal("channels", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageSpan<byte>(data, 2, 2, 5)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageView<byte>(data, 10, 2, 2, 19)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageSpan<byte>(data, 10, 2, 1, -1)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new ImageView<byte>(data, 10, 11)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new ImageSpan<byte>(data, 10, 2, 1, 91)).ParamName);
    }

    [Fact]
    public void Image_geometry_uses_long_arithmetic()
    {
        byte[] data = new byte[100];
        // width * channels overflows int.
        Assert.Equal("width", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageView<byte>(data, int.MaxValue / 2, 1, 4)).ParamName);
        // (height - 1) * stride overflows int: must be "too short", not a wrapped-around pass.
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new ImageView<byte>(data, 10, 1 << 20, 1, 1 << 12)).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => new ImageSpan<byte>(data, 10, int.MaxValue, 1, int.MaxValue)).ParamName);
    }

    [Fact]
    public void Views_expose_rows_and_pixels()
    {
        byte[] data = Enumerable.Range(0, 30).Select(i => (byte)i).ToArray();
        var view = new ImageView<byte>(data, 3, 3, 2, 10);
        Assert.Equal(10, view.Stride);
        Assert.Equal(6, view.RowLength);
        Assert.Equal([10, 11, 12, 13, 14, 15], view.Row(1).ToArray());
        Assert.Equal([24, 25], view.Pixel(2, 2).ToArray());
        Assert.Equal([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25], view.ToArray());
        Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageView<byte>(data, 3, 3, 2, 10).Row(3)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => new ImageSpan<byte>(data, 3, 3, 2, 10).Pixel(3, 0)).ParamName);
        var span = new ImageSpan<byte>(data, 3, 3, 2, 10);
        span.Pixel(0, 0)[1] = 99;
        ImageView<byte> asView = span;
        Assert.Equal(99, asView.Pixel(0, 0)[1]);
        Assert.Equal(6, new ImageView<byte>(data, 3, 1, 2).Stride);
    }

    [Fact]
    public void One_by_one_kernel_copies_and_validates_first()
    {
        byte[] src = Enumerable.Range(0, 24).Select(i => (byte)i).ToArray();
        byte[] dst = new byte[24];
        Filters.GaussianBlur(new ImageView<byte>(src, 4, 2, 3), new ImageSpan<byte>(dst, 4, 2, 3), 1, 5.0);
        Assert.Equal(src, dst);
        // OpenCV's copy shortcut skips validation; ours does not.
        Rejects<ArgumentOutOfRangeException>("sigma", (s, d) => Filters.GaussianBlur(s, d, 1, double.NaN));
        // 1-pixel rule: a one-row image with a non-constant border is copied.
        Filters.GaussianBlur(new ImageView<byte>(src, 8, 1, 3), new ImageSpan<byte>(dst, 8, 1, 3), 1, 7, 0, 0, BorderMode.Reflect);
        Assert.Equal(src, dst);
    }
}
