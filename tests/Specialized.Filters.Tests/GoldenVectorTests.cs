using System;
using System.Linq;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>The golden vectors of spec §9, produced by real OpenCV.</summary>
public class GoldenVectorTests
{
    private static readonly BorderMode[] AllBorders =
        [BorderMode.Constant, BorderMode.Replicate, BorderMode.Reflect, BorderMode.Wrap, BorderMode.Reflect101];

    // A[r][c] = ((r*6+c)*37) mod 256, 5x6.
    private static byte[] ImageA() => Enumerable.Range(0, 30).Select(i => (byte)(i * 37 % 256)).ToArray();

    private static byte[] Blur(byte[] data, int width, int height, int kx, int ky, double sx, double sy, BorderMode border)
    {
        var dst = new byte[data.Length];
        Filters.GaussianBlur(new ImageView<byte>(data, width, height), new ImageSpan<byte>(dst, width, height), kx, ky, sx, sy, border);
        return dst;
    }

    public static TheoryData<BorderMode, byte[]> A3x3 => new()
    {
        { BorderMode.Constant, [33, 35, 47, 75, 103, 91, 96, 83, 56, 77, 114, 104, 134, 145, 86, 59, 80, 79, 125, 175, 148, 89, 62, 53, 81, 126, 138, 102, 50, 27] },
        { BorderMode.Replicate, [49, 45, 66, 103, 140, 167, 135, 83, 56, 77, 114, 142, 181, 145, 86, 59, 80, 108, 163, 175, 148, 89, 62, 74, 138, 166, 187, 144, 69, 48] },
        { BorderMode.Reflect, [49, 45, 66, 103, 140, 167, 135, 83, 56, 77, 114, 142, 181, 145, 86, 59, 80, 108, 163, 175, 148, 89, 62, 74, 138, 166, 187, 144, 69, 48] },
        { BorderMode.Wrap, [93, 75, 96, 117, 122, 119, 134, 83, 56, 77, 114, 144, 164, 145, 86, 59, 80, 126, 146, 175, 148, 89, 62, 92, 106, 136, 157, 130, 87, 84] },
        { BorderMode.Reflect101, [66, 52, 57, 94, 131, 150, 113, 83, 56, 77, 114, 133, 175, 145, 86, 59, 80, 99, 173, 175, 148, 89, 62, 65, 156, 174, 179, 120, 61, 48] },
    };

    [Theory]
    [MemberData(nameof(A3x3))]
    public void Image_A_3x3_sigma_0(BorderMode border, byte[] expected)
    {
        Assert.Equal(expected, Blur(ImageA(), 6, 5, 3, 3, 0, 0, border));
    }

    public static TheoryData<BorderMode, byte[]> A5x3 => new()
    {
        { BorderMode.Constant, [23, 39, 60, 87, 100, 84, 72, 75, 71, 81, 96, 83, 109, 120, 96, 74, 69, 61, 114, 148, 138, 99, 65, 43, 83, 125, 136, 112, 70, 34] },
        { BorderMode.Replicate, [39, 50, 72, 105, 139, 163, 133, 93, 71, 81, 110, 135, 173, 138, 96, 74, 81, 101, 166, 163, 138, 99, 74, 71, 142, 162, 164, 136, 91, 59] },
        { BorderMode.Reflect, [38, 50, 72, 105, 139, 159, 120, 93, 71, 81, 110, 131, 172, 138, 96, 74, 81, 97, 170, 163, 138, 99, 74, 67, 146, 162, 164, 136, 91, 56] },
        { BorderMode.Wrap, [89, 79, 88, 111, 121, 110, 120, 90, 71, 81, 113, 131, 145, 131, 96, 74, 88, 124, 138, 156, 138, 99, 81, 99, 109, 139, 148, 130, 102, 91] },
        { BorderMode.Reflect101, [49, 54, 71, 100, 129, 141, 87, 80, 71, 81, 107, 119, 158, 138, 96, 74, 77, 85, 178, 167, 138, 99, 70, 59, 164, 167, 160, 128, 82, 61] },
    };

    [Theory]
    [MemberData(nameof(A5x3))]
    public void Image_A_5x3_anisotropic_sigmas(BorderMode border, byte[] expected)
    {
        Assert.Equal(expected, Blur(ImageA(), 6, 5, 5, 3, 1.3, 0.6, border));
    }

    [Theory]
    [InlineData(BorderMode.Constant, new byte[] { 14, 18, 15 })]
    [InlineData(BorderMode.Replicate, new byte[] { 54, 71, 64 })]
    [InlineData(BorderMode.Reflect, new byte[] { 76, 82, 82 })]
    [InlineData(BorderMode.Wrap, new byte[] { 79, 82, 79 })]
    [InlineData(BorderMode.Reflect101, new byte[] { 109, 110, 111 })]
    public void One_row_image_drops_the_vertical_kernel(BorderMode border, byte[] expected)
    {
        Assert.Equal(expected, Blur([10, 200, 30], 3, 1, 7, 7, 0, 0, border));
    }

    [Fact]
    public void One_pixel_image()
    {
        Assert.Equal([16], Blur([200], 1, 1, 7, 7, 0, 0, BorderMode.Constant));
        Assert.Equal([200], Blur([200], 1, 1, 7, 7, 0, 0, BorderMode.Reflect101));
    }

    [Theory]
    [InlineData(BorderMode.Constant, new byte[] { 49, 55, 55, 49 })]
    [InlineData(BorderMode.Replicate, new byte[] { 107, 148, 148, 107 })]
    [InlineData(BorderMode.Reflect, new byte[] { 117, 138, 138, 117 })]
    [InlineData(BorderMode.Wrap, new byte[] { 127, 128, 128, 127 })]
    [InlineData(BorderMode.Reflect101, new byte[] { 127, 128, 128, 127 })]
    public void Two_by_two_with_size_derived_from_sigma(BorderMode border, byte[] expected)
    {
        Assert.Equal(expected, Blur([0, 255, 255, 0], 2, 2, 0, 0, 1, 0, border));
    }

    [Fact]
    public void Ties_round_up_on_the_bit_exact_path()
    {
        // Exact values 0.5, 1, 2, 3, 1.5 -> OpenCV gives [1, 1, 2, 3, 2].
        Assert.Equal([1, 1, 2, 3, 2], Blur([0, 2, 0, 6, 0], 5, 1, 3, 1, 0, 0, BorderMode.Constant));
    }

    [Theory]
    [InlineData(BorderMode.Constant, new ushort[] { 4966, 9377, 13532, 12467, 17928, 27305, 32766, 27786, 22321, 32182, 36338, 29822 })]
    [InlineData(BorderMode.Replicate, new ushort[] { 6526, 10682, 16143, 20299, 23149, 27305, 32766, 36922, 39772, 43928, 49389, 53545 })]
    [InlineData(BorderMode.Reflect101, new ushort[] { 13052, 15902, 21363, 24214, 24454, 27305, 32766, 35617, 35857, 38708, 44169, 47019 })]
    public void UInt16_image_U(BorderMode border, ushort[] expected)
    {
        ushort[] u = Enumerable.Range(0, 12).Select(i => (ushort)(i * 5461)).ToArray();
        var dst = new ushort[12];
        Filters.GaussianBlur(new ImageView<ushort>(u, 4, 3), new ImageSpan<ushort>(dst, 4, 3), 3, 0.8, border);
        Assert.Equal(expected, dst);
    }

    [Fact]
    public void Float_image_F()
    {
        float[] f = Enumerable.Range(0, 12).Select(i => i * 0.5f - 1).ToArray();
        var dst = new float[12];
        Filters.GaussianBlur(new ImageView<float>(f, 4, 3), new ImageSpan<float>(dst, 4, 3), 3, 0, BorderMode.Reflect101);
        Assert.Equal([0.25f, 0.5f, 1, 1.25f, 1.25f, 1.5f, 2, 2.25f, 2.25f, 2.5f, 3, 3.25f], dst);

        Filters.GaussianBlur(new ImageView<float>(f, 4, 3), new ImageSpan<float>(dst, 4, 3), 5, 1.1, BorderMode.Replicate);
        float[] expected = [-0.03501714f, 0.3073695f, 0.7366031f, 1.07899f, 1.192997f, 1.535383f, 1.964617f, 2.307003f, 2.42101f, 2.763397f, 3.192631f, 3.535017f];
        for (int i = 0; i < 12; i++)
        {
            Assert.True(Math.Abs(expected[i] - dst[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"{i}: {dst[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Regression_15015_white_8UC3_stays_white()
    {
        byte[] white = Enumerable.Repeat((byte)255, 100 * 100 * 3).ToArray();
        var dst = new byte[white.Length];
        Filters.GaussianBlur(new ImageView<byte>(white, 100, 100, 3), new ImageSpan<byte>(dst, 100, 100, 3), 5, 0);
        Assert.Equal(white, dst);
    }

    [Fact]
    public void Overflow_20121_saturated_16U_stays_saturated()
    {
        ushort[] full = Enumerable.Repeat(ushort.MaxValue, 100 * 100).ToArray();
        var dst = new ushort[full.Length];
        foreach (BorderMode border in AllBorders.Where(b => b != BorderMode.Constant))
        {
            Filters.GaussianBlur(new ImageView<ushort>(full, 100, 100), new ImageSpan<ushort>(dst, 100, 100), 9, 0, border);
            Assert.Equal(ushort.MaxValue, dst.Min());
        }
    }

    [Fact]
    public void Overflow_20792_narrow_sigma_x_keeps_the_image()
    {
        ushort[] image = Enumerable.Repeat((ushort)255, 128 * 128).ToArray();
        var dst = new ushort[image.Length];
        var random = new Random(20792);
        for (int i = 0; i < 10; i++)
        {
            double sigmaX = random.NextDouble() * 0.2;
            Filters.GaussianBlur(new ImageView<ushort>(image, 128, 128), new ImageSpan<ushort>(dst, 128, 128), 7, 7, sigmaX, 0.9);
            Assert.True(dst.Count(v => v != 0) > 0.9 * dst.Length, $"sigmaX={sigmaX}");
        }
    }

    [Fact]
    public void Bitexact_test_image_generator_modes_match_the_reference()
    {
        // The modes of test_smooth_bitexact (spec §9.1), on its generated test image, each border.
        (int W, int H, int Kw, int Kh, double Sx, double Sy, int Cn)[] modes =
        [
            (1, 1, 3, 3, 0, 0, 1), (2, 2, 3, 3, 0, 0, 1), (3, 1, 3, 3, 0, 0, 1), (1, 3, 3, 3, 0, 0, 1), (3, 3, 3, 3, 0, 0, 1),
            (3, 3, 5, 5, 0, 0, 1), (3, 3, 7, 7, 0, 0, 1), (5, 5, 3, 3, 0, 0, 1), (5, 5, 5, 5, 0, 0, 1), (3, 5, 5, 5, 0, 0, 1),
            (5, 5, 7, 7, 0, 0, 1), (7, 7, 7, 7, 0, 0, 1), (256, 128, 3, 3, 0, 0, 1), (256, 128, 3, 3, 0, 0, 2),
            (256, 128, 3, 3, 0, 0, 3), (256, 128, 3, 3, 0, 0, 4), (256, 128, 5, 5, 0, 0, 1), (256, 128, 7, 7, 0, 0, 1),
            (256, 128, 9, 9, 0, 0, 1), (256, 128, 3, 3, 1.75, 0.875, 1), (256, 128, 3, 3, 1.75, 0.875, 3),
            (256, 128, 5, 5, 0.375, 0.75, 1),
        ];
        foreach (var m in modes)
        {
            foreach (BorderMode border in AllBorders)
            {
                var image8 = Support.TestImage<byte>.FromPacked(BitexactImage<byte>(m.W, m.H, m.Cn), m.W, m.H, m.Cn);
                var image16 = Support.TestImage<ushort>.FromPacked(BitexactImage<ushort>(m.W, m.H, m.Cn), m.W, m.H, m.Cn);
                var (kx, ky, sx, sy) = Support.Reference.Resolve(m.W, m.H, m.Kw, m.Kh, m.Sx, m.Sy, border, true);
                var dst8 = new byte[image8.Data.Length];
                Filters.GaussianBlur(image8.View, new ImageSpan<byte>(dst8, m.W, m.H, m.Cn), m.Kw, m.Kh, m.Sx, m.Sy, border);
                Assert.Equal(Support.Reference.ExactInteger(image8, kx, ky, sx, sy, border), dst8);
                var dst16 = new ushort[image16.Data.Length];
                Filters.GaussianBlur(image16.View, new ImageSpan<ushort>(dst16, m.W, m.H, m.Cn), m.Kw, m.Kh, m.Sx, m.Sy, border);
                Assert.Equal(Support.Reference.ExactInteger(image16, kx, ky, sx, sy, border), dst16);
            }
        }
    }

    /// <summary>test_smooth_bitexact's image generator (spec §9.1), cropped to the ROI at (10, 10).</summary>
    private static T[] BitexactImage<T>(int width, int height, int cn)
        where T : unmanaged
    {
        int rows = height + 20, cols = width + 20;
        var result = new T[width * height * cn];
        for (int j = 10; j < 10 + height; j++)
        {
            for (int i = 10; i < 10 + width; i++)
            {
                double val;
                if (j < rows / 2)
                {
                    val = i < cols / 2
                        ? (Math.Sin((i + 1) * Math.PI / 256) * Math.Sin((j + 1) * Math.PI / 256) * Math.Sin((cn + 4) * Math.PI / 8) + 1) * 128
                        : ((i / 128 + j / 128) % 2) * 250 + (j / 128) % 2;
                }
                else
                {
                    val = i < cols / 2
                        ? (i / 128) * (85 - (j / 256) * 40) * ((j / 128) % 2) + (7 - i / 128) * (85 - (j / 256) * 40) * ((j / 128 + 1) % 2)
                        : 189;
                }

                for (int c = 0; c < cn; c++)
                {
                    result[((j - 10) * width + (i - 10)) * cn + c] = typeof(T) == typeof(byte) ? (T)(object)(byte)val : (T)(object)(ushort)val;
                }
            }
        }

        return result;
    }
}
