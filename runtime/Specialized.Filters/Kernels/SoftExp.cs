using System;

namespace Specialized.Filters;

/// <summary>
/// OpenCV's software <c>exp</c> (<c>cv::softdouble exp</c>, modules/core/src/softfloat.cpp). OpenCV builds every
/// Gaussian kernel with it rather than the C library's <c>exp</c>; the two differ in the last bits for most
/// arguments, and those bits show in <c>getGaussianKernel(..., CV_64F)</c>. Plain IEEE double arithmetic
/// (no fused multiply-add) reproduces it exactly.
/// </summary>
internal static class SoftExp
{
    private static readonly double C0 = BitConverter.Int64BitsToDouble(0x3f83ce0f3e46f431);
    private static readonly double A5 = 1.0 / C0;
    private static readonly double A4 = BitConverter.Int64BitsToDouble(0x3fe62e42fefa39f1) / C0;
    private static readonly double A3 = BitConverter.Int64BitsToDouble(0x3fcebfbdff82a45a) / C0;
    private static readonly double A2 = BitConverter.Int64BitsToDouble(0x3fac6b08d81fec75) / C0;
    private static readonly double A1 = BitConverter.Int64BitsToDouble(0x3f83b2a72b4f3cd3) / C0;
    private static readonly double A0 = BitConverter.Int64BitsToDouble(0x3f55e7aa1566c2a4) / C0;
    private static readonly double PreScale = BitConverter.Int64BitsToDouble(0x3ff71547652b82fe) * 64.0;
    private const double PostScale = 1.0 / 64.0;
    private const double MaxValue = 3000.0 * 64.0;

    // 2^(i/64), correctly rounded.
    private static readonly long[] PowersOfTwo =
    [
        0x3ff0000000000000, 0x3ff02c9a3e778061, 0x3ff059b0d3158574, 0x3ff0874518759bc8,
        0x3ff0b5586cf9890f, 0x3ff0e3ec32d3d1a2, 0x3ff11301d0125b51, 0x3ff1429aaea92de0,
        0x3ff172b83c7d517b, 0x3ff1a35beb6fcb75, 0x3ff1d4873168b9aa, 0x3ff2063b88628cd6,
        0x3ff2387a6e756238, 0x3ff26b4565e27cdd, 0x3ff29e9df51fdee1, 0x3ff2d285a6e4030b,
        0x3ff306fe0a31b715, 0x3ff33c08b26416ff, 0x3ff371a7373aa9cb, 0x3ff3a7db34e59ff7,
        0x3ff3dea64c123422, 0x3ff4160a21f72e2a, 0x3ff44e086061892d, 0x3ff486a2b5c13cd0,
        0x3ff4bfdad5362a27, 0x3ff4f9b2769d2ca7, 0x3ff5342b569d4f82, 0x3ff56f4736b527da,
        0x3ff5ab07dd485429, 0x3ff5e76f15ad2148, 0x3ff6247eb03a5585, 0x3ff6623882552225,
        0x3ff6a09e667f3bcd, 0x3ff6dfb23c651a2f, 0x3ff71f75e8ec5f74, 0x3ff75feb564267c9,
        0x3ff7a11473eb0187, 0x3ff7e2f336cf4e62, 0x3ff82589994cce13, 0x3ff868d99b4492ed,
        0x3ff8ace5422aa0db, 0x3ff8f1ae99157736, 0x3ff93737b0cdc5e5, 0x3ff97d829fde4e50,
        0x3ff9c49182a3f090, 0x3ffa0c667b5de565, 0x3ffa5503b23e255d, 0x3ffa9e6b5579fdbf,
        0x3ffae89f995ad3ad, 0x3ffb33a2b84f15fb, 0x3ffb7f76f2fb5e47, 0x3ffbcc1e904bc1d2,
        0x3ffc199bdd85529c, 0x3ffc67f12e57d14b, 0x3ffcb720dcef9069, 0x3ffd072d4a07897c,
        0x3ffd5818dcfba487, 0x3ffda9e603db3285, 0x3ffdfc97337b9b5f, 0x3ffe502ee78b3ff6,
        0x3ffea4afa2a490da, 0x3ffefa1bee615a27, 0x3fff50765b6e4540, 0x3fffa7c1819e90d8,
    ];

    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(x))
        {
            return double.PositiveInfinity;
        }

        if (double.IsNegativeInfinity(x))
        {
            return 0.0;
        }

        long exponentField = (BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7FF;
        double y = exponentField > 1033 ? (x < 0 ? -MaxValue : MaxValue) : x * PreScale;
        double rounded = Math.Round(y, MidpointRounding.ToEven);
        int v = (int)rounded;
        int t = Math.Min(Math.Max((v >> 6) + 1023, 0), 2047);
        double b = t == 0 ? 0.0 : BitConverter.Int64BitsToDouble((long)t << 52);
        double r = (y - rounded) * PostScale;
        double p = ((((((A0 * r) + A1) * r + A2) * r + A3) * r + A4) * r) + A5;
        return b * C0 * BitConverter.Int64BitsToDouble(PowersOfTwo[v & 63]) * p;
    }
}
