using System;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

public class GaussianKernelTests
{
    [Fact]
    public void Table_kernels_for_sigma_zero()
    {
        Assert.Equal([1.0], GaussianKernels.Create(1, 0));
        Assert.Equal([0.25, 0.5, 0.25], GaussianKernels.Create(3, 0));
        Assert.Equal([0.0625, 0.25, 0.375, 0.25, 0.0625], GaussianKernels.Create(5, -1));
        Assert.Equal([0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125], GaussianKernels.Create(7, 0));
        Assert.Equal(
            [4 / 256.0, 13 / 256.0, 30 / 256.0, 51 / 256.0, 60 / 256.0, 51 / 256.0, 30 / 256.0, 13 / 256.0, 4 / 256.0],
            GaussianKernels.Create(9, 0));
    }

    [Fact]
    public void Reference_doubles_of_spec_section_3_7()
    {
        Assert.Equal(
            [0.008812229292562288, 0.027143577143479373, 0.06511405659938269, 0.12164907301380962, 0.1769983568313557, 0.20056541423882085,
             0.1769983568313557, 0.12164907301380962, 0.06511405659938269, 0.027143577143479373, 0.008812229292562288],
            GaussianKernels.Create(11, 0));
        double[] k13 = GaussianKernels.Create(13, 0);
        Assert.Equal(
            [0.005798877701510187, 0.01640132200467247, 0.03839869855917626, 0.07441438546819701, 0.1193713316000055, 0.15850607862252303, 0.17421861208783126],
            k13[..7]);
    }

    [Fact]
    public void Even_size_quirk()
    {
        Assert.Equal([0.11165005380519624, 0.38834994619480373, 0.38834994619480373, 0.11165005380519624], GaussianKernels.Create(4, 0));
    }

    [Fact]
    public void Double_kernels_are_bit_identical_to_OpenCV()
    {
        var random = new Random(1234);
        for (int i = 0; i < 600; i++)
        {
            int n = random.Next(1, 64);
            double sigma = random.Next(4) == 0 ? 0 : random.NextDouble() * 12;
            double[] expected = OpenCv.GetGaussianKernel(n, sigma);
            double[] actual = GaussianKernels.Create(n, sigma);
            for (int k = 0; k < n; k++)
            {
                Assert.True(
                    BitConverter.DoubleToInt64Bits(expected[k]) == BitConverter.DoubleToInt64Bits(actual[k]),
                    $"n={n} sigma={sigma:R} tap {k}: OpenCV {expected[k]:R}, ours {actual[k]:R}");
            }
        }
    }

    [Fact]
    public void Default_sigma_uses_a_fused_multiply_add_like_OpenCV()
    {
        // n = 19, 29, 31 are sizes where a two-rounding n*0.15+0.35 changes the CV_64F kernel.
        foreach (int n in new[] { 10, 14, 19, 20, 29, 31 })
        {
            Assert.Equal(OpenCv.GetGaussianKernel(n, 0), GaussianKernels.Create(n, 0));
        }
    }

    [Fact]
    public void Single_kernels_are_the_doubles_rounded_like_OpenCV()
    {
        var random = new Random(99);
        for (int i = 0; i < 200; i++)
        {
            int n = 2 * random.Next(0, 20) + 1;
            double sigma = random.Next(3) == 0 ? 0 : random.NextDouble() * 8;
            float[] expected = OpenCv.GetGaussianKernelSingle(n, sigma);
            Assert.Equal(expected, Array.ConvertAll(GaussianKernels.Create(n, sigma), v => (float)v));
        }
    }

    public static TheoryData<int, double, int[]> ByteKernels => new()
    {
        // spec §5, the kernels test_smooth_bitexact expects.
        { 1, 0, [256] },
        { 1, 3.5, [256] },
        { 3, 0, [64, 128, 64] },
        { 5, 0, [16, 64, 96, 64, 16] },
        { 7, 0, [8, 28, 56, 72, 56, 28, 8] },
        { 9, 0, [4, 13, 30, 51, 60, 51, 30, 13, 4] },
        { 11, 0, [2, 7, 17, 31, 45, 52, 45, 31, 17, 7, 2] },
        { 13, 0, [1, 5, 10, 19, 30, 41, 44, 41, 30, 19, 10, 5, 1] },
        { 15, 0, [1, 3, 6, 12, 20, 30, 36, 40, 36, 30, 20, 12, 6, 3, 1] },
        { 3, 1.75, [81, 94, 81] },
        { 3, 0.875, [65, 126, 65] },
        { 3, 1.0, [70, 116, 70] },
        { 5, 0.375, [0, 7, 242, 7, 0] },
        { 5, 0.75, [4, 56, 136, 56, 4] },
        { 5, 1.0, [14, 62, 104, 62, 14] },
        { 5, 1.1, [18, 63, 94, 63, 18] },
        { 5, 1.3, [25, 62, 82, 62, 25] },
        { 3, 0.6, [43, 170, 43] },
        { 7, 1.0, [1, 14, 62, 102, 62, 14, 1] },
        { 7, 1.5, [9, 29, 55, 70, 55, 29, 9] },
        { 7, 0.3, [0, 0, 1, 254, 1, 0, 0] },
        { 9, 2.0, [7, 17, 32, 46, 52, 46, 32, 17, 7] },
        { 13, 2.0, [1, 2, 7, 16, 31, 45, 52, 45, 31, 16, 7, 2, 1] },
    };

    [Theory]
    [MemberData(nameof(ByteKernels))]
    public void Fixed_point_kernels_for_byte_images(int ksize, double sigma, int[] expected)
    {
        Assert.Equal(expected, GaussianKernels.CreateFixedPoint(ksize, sigma, GaussianKernels.ByteFractionBits));
    }

    public static TheoryData<int, double, int[]> UInt16Kernels => new()
    {
        { 1, 0, [65536] },
        { 3, 0, [16384, 32768, 16384] },
        { 5, 0, [4096, 16384, 24576, 16384, 4096] },
        { 7, 0, [2048, 7168, 14336, 18432, 14336, 7168, 2048] },
        { 9, 0, [1024, 3328, 7680, 13056, 15360, 13056, 7680, 3328, 1024] },
        { 3, 0.8, [15663, 34210, 15663] },
        { 3, 1.0, [17961, 29614, 17961] },
        { 5, 1.0, [3571, 16004, 26386, 16004, 3571] },
        { 7, 1.0, [291, 3539, 15862, 26152, 15862, 3539, 291] },
        { 3, 1.75, [20626, 24284, 20626] },
        { 5, 0.75, [996, 14336, 34872, 14336, 996] },
        { 7, 0.3, [0, 0, 251, 65034, 251, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(UInt16Kernels))]
    public void Fixed_point_kernels_for_ushort_images(int ksize, double sigma, int[] expected)
    {
        Assert.Equal(expected, GaussianKernels.CreateFixedPoint(ksize, sigma, GaussianKernels.UInt16FractionBits));
    }

    [Fact]
    public void Fixed_point_11_prefix_and_sums()
    {
        Assert.Equal([578, 1778, 4268, 7972, 11600, 13144], GaussianKernels.CreateFixedPoint(11, 0, 16)[..6]);
        var random = new Random(5);
        for (int i = 0; i < 300; i++)
        {
            int n = 2 * random.Next(0, 30) + 1;
            double sigma = random.NextDouble() * 10;
            foreach (int bits in new[] { 8, 16 })
            {
                int[] k = GaussianKernels.CreateFixedPoint(n, sigma, bits);
                long sum = 0;
                for (int j = 0; j < n; j++)
                {
                    sum += k[j];
                    Assert.Equal(k[j], k[n - 1 - j]);
                }

                Assert.Equal(1L << bits, sum);
            }
        }
    }

    [Theory]
    [InlineData(1.0, typeof(byte), 7)]
    [InlineData(1.0, typeof(ushort), 9)]
    [InlineData(1.0, typeof(float), 9)]
    [InlineData(0.25, typeof(float), 3)]
    [InlineData(0.1, typeof(float), 3)]
    [InlineData(0.75, typeof(float), 7)]
    [InlineData(1.25, typeof(float), 11)]
    [InlineData(1.25, typeof(short), 11)]
    [InlineData(2.0, typeof(double), 17)]
    [InlineData(2.0, typeof(byte), 13)]
    public void Size_from_sigma(double sigma, Type type, int expected)
    {
        Assert.Equal(expected, GaussianKernels.SizeFromSigma(sigma, type));
    }

    [Fact]
    public void Bad_arguments_throw_with_the_parameter_name()
    {
        Assert.Equal("ksize", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.Create(0, 1)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.Create(3, double.NaN)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.Create(3, double.PositiveInfinity)).ParamName);
        Assert.Equal("ksize", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.CreateFixedPoint(4, 1, 8)).ParamName);
        Assert.Equal("fractionBits", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.CreateFixedPoint(3, 1, 12)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.SizeFromSigma(0, typeof(byte))).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => GaussianKernels.SizeFromSigma(1e300, typeof(byte))).ParamName);
        Assert.Contains("System.Int32", Assert.Throws<NotSupportedException>(() => GaussianKernels.SizeFromSigma(1, typeof(int))).Message);
        Assert.Throws<ArgumentNullException>(() => GaussianKernels.SizeFromSigma(1, null!));
    }
}
