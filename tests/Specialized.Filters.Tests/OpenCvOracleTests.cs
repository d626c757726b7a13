using System;
using System.Collections.Generic;
using System.Linq;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// Hundreds of seeded random calls checked against real OpenCV 4.13: bit-exact for 8U and 16U, within float
/// rounding for 32F and 64F, within 1 for 16S. OpenCV refuses WRAP on its float path, so float types with
/// WRAP are checked against a naive double-precision convolution instead.
/// </summary>
public class OpenCvOracleTests
{
    private const int CasesPerSeed = 8;

    /// <summary>Random float data lies in [-100, 100]; near zero, tolerances are relative to that scale.</summary>
    private const double DataMagnitude = 100;

    private static double Relative<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-12;

    public static IEnumerable<object[]> Seeds => Enumerable.Range(0, 30).Select(s => new object[] { s });

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Byte_is_bit_exact(int seed) => Run<byte>(seed);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void UInt16_is_bit_exact(int seed) => Run<ushort>(seed);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Int16_is_within_one(int seed) => Run<short>(seed);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Single_is_within_float_rounding(int seed) => Run<float>(seed);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Double_is_within_double_rounding(int seed) => Run<double>(seed);

    private static void Run<T>(int seed)
        where T : unmanaged
    {
        var random = new Random(seed * 7919 + typeof(T).Name.Length);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            BlurCase c = BlurCase.Draw(random);
            var image = TestImage<T>.Random(random, c.Width, c.Height, c.Channels, c.ExtraStride);
            var dst = TestImage<T>.Blank(c.Width, c.Height, c.Channels, random.Next(3));
            Filters.GaussianBlur(image.View, dst.Span, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border);
            Assert.True(dst.PaddingIsUntouched(), $"{c}: wrote outside the image rows");
            T[] actual = dst.ToPacked();
            string context = $"seed {seed} case {i}: {c}";
            bool isFloatPath = typeof(T) != typeof(byte) && typeof(T) != typeof(ushort);

            if (isFloatPath && c.Border == BorderMode.Wrap)
            {
                var (kx, ky, sx, sy) = Reference.Resolve(c.Width, c.Height, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border, false);
                double[] expected = Reference.NaiveDouble(image, kx, ky, sx, sy, c.Border);
                if (typeof(T) == typeof(short))
                {
                    Compare.Close(expected, actual, 0, 0.51, c.Width, c.Channels, context); // one rounding of a float sum
                }
                else
                {
                    Compare.Close(expected, actual, Relative<T>(), Relative<T>() * DataMagnitude, c.Width, c.Channels, context);
                }

                continue;
            }

            T[] opencv = OpenCv.GaussianBlur(image, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border);
            if (typeof(T) == typeof(byte) || typeof(T) == typeof(ushort))
            {
                Compare.Exact(opencv, actual, c.Width, c.Channels, context);
            }
            else if (typeof(T) == typeof(short))
            {
                Compare.Close(opencv, actual, 0, 1, c.Width, c.Channels, context);
            }
            else
            {
                Compare.Close(opencv, actual, Relative<T>(), Relative<T>() * DataMagnitude, c.Width, c.Channels, context);
            }
        }
    }
}
