using System;
using System.Collections.Generic;
using System.Linq;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Generated.Tests;

/// <summary>
/// Every generated method against the runtime engine (bit for bit, every type) and against OpenCV (bit for bit for
/// 8U and 16U, within float rounding otherwise), on seeded random images of sizes 1 to 70, 1 to 4 channels,
/// padded strides, and every border the method supports. CI runs this at every vector width.
/// </summary>
public class GeneratedKernelTests
{
    private const int ImagesPerCase = 6;
    private static readonly BorderMode[] Borders = [BorderMode.Constant, BorderMode.Replicate, BorderMode.Reflect, BorderMode.Wrap, BorderMode.Reflect101];

    public static IEnumerable<object[]> ByteCases => ByteKernels.All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> UInt16Cases => UInt16Kernels.All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> Int16Cases => Int16Kernels.All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> SingleCases => SingleKernels.All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> DoubleCases => DoubleKernels.All.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(ByteCases))]
    public void Byte(string name) => Check(ByteKernels.All.Single(c => c.Name == name));

    [Theory]
    [MemberData(nameof(UInt16Cases))]
    public void UInt16(string name) => Check(UInt16Kernels.All.Single(c => c.Name == name));

    [Theory]
    [MemberData(nameof(Int16Cases))]
    public void Int16(string name) => Check(Int16Kernels.All.Single(c => c.Name == name));

    [Theory]
    [MemberData(nameof(SingleCases))]
    public void Single(string name) => Check(SingleKernels.All.Single(c => c.Name == name));

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void Double(string name) => Check(DoubleKernels.All.Single(c => c.Name == name));

    private static void Check<T>(KernelCase<T> kernel)
        where T : unmanaged
    {
        var random = new Random(kernel.Name.GetHashCode(StringComparison.Ordinal) ^ typeof(T).Name.Length);
        for (int i = 0; i < ImagesPerCase; i++)
        {
            int width = i == 0 ? 70 : random.Next(1, 71), height = i == 1 ? 1 : random.Next(1, 71);
            int channels = random.Next(1, 5);
            BorderMode border = kernel.FixedBorder ?? Borders[random.Next(Borders.Length)];
            var image = TestImage<T>.Random(random, width, height, channels, random.Next(3));
            string context = $"{kernel.Name} image {i}: {width}x{height}x{channels} {border}";

            var generated = TestImage<T>.Blank(width, height, channels, random.Next(3));
            kernel.Run(image.View, generated.Span, border);
            Assert.True(generated.PaddingIsUntouched(), context + ": wrote outside the rows");

            var runtime = TestImage<T>.Blank(width, height, channels);
            Filters.GaussianBlur(image.View, runtime.Span, kernel.KsizeX, kernel.KsizeY, kernel.SigmaX, kernel.SigmaY, border, new FilterOptions { UseGeneratedKernels = false });
            Compare.Exact(runtime.ToPacked(), generated.ToPacked(), width, channels, context + " (generated vs runtime engine)");

            bool floatPath = typeof(T) != typeof(byte) && typeof(T) != typeof(ushort);
            if (floatPath && border == BorderMode.Wrap)
            {
                continue; // OpenCV refuses WRAP here; the runtime tests check it against a double-precision reference
            }

            T[] opencv = OpenCv.GaussianBlur(image, kernel.KsizeX, kernel.KsizeY, kernel.SigmaX, kernel.SigmaY, border);
            if (!floatPath)
            {
                Compare.Exact(opencv, generated.ToPacked(), width, channels, context + " (generated vs OpenCV)");
            }
            else if (typeof(T) == typeof(short))
            {
                Compare.Close(opencv, generated.ToPacked(), 0, 1, width, channels, context + " (generated vs OpenCV)");
            }
            else
            {
                double relative = typeof(T) == typeof(float) ? 1e-5 : 1e-12;
                Compare.Close(opencv, generated.ToPacked(), relative, relative * 100, width, channels, context + " (generated vs OpenCV)");
            }
        }
    }

    [Fact]
    public void In_place_through_a_generated_method()
    {
        var random = new Random(3);
        var image = TestImage<float>.Random(random, 64, 48, 3, 2);
        var expected = TestImage<float>.Blank(64, 48, 3);
        Blur.Wide(image.View, expected.Span);
        Blur.Wide(image.View, image.Span);
        Compare.Exact(expected.ToPacked(), image.ToPacked(), 64, 3, "in place");
    }

    [Fact]
    public void Generated_methods_validate_like_the_runtime()
    {
        byte[] src = new byte[12 * 10];
        byte[] dst = Enumerable.Repeat((byte)7, 11 * 10).ToArray();
        var e = Assert.Throws<ArgumentException>(() => Blur.Soft(new ImageView<byte>(src, 12, 10), new ImageSpan<byte>(dst, 11, 10)));
        Assert.Equal("dst", e.ParamName);
        Assert.All(dst, v => Assert.Equal(7, v));
        ushort[] data = new ushort[16];
        Assert.Equal("border", Assert.Throws<ArgumentOutOfRangeException>(() =>
            Blur.Any(new ImageView<ushort>(data, 4, 4), new ImageSpan<ushort>(new ushort[16], 4, 4), (BorderMode)9)).ParamName);
        Assert.Equal("src", Assert.Throws<ArgumentException>(() => Blur.Soft(default, new ImageSpan<byte>(dst, 11, 10))).ParamName);
    }
}
