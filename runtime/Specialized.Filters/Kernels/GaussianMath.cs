using System;

namespace Specialized.Filters;

/// <summary>
/// The arithmetic behind <see cref="GaussianKernels"/>, without argument checks. This file is compiled into both
/// the runtime and the (netstandard2.0) source generator, so the weights the generator bakes in at compile time
/// are the very doubles the runtime computes: keep it free of APIs newer than netstandard2.0.
/// </summary>
internal static class GaussianMath
{
    // OpenCV's hard-coded kernels for sigma <= 0 (smooth.dispatch.cpp); all exact binary fractions.
    private static readonly double[][] SmallKernels =
    [
        [1.0],
        [0.25, 0.5, 0.25],
        [0.0625, 0.25, 0.375, 0.25, 0.0625],
        [0.03125, 0.109375, 0.21875, 0.28125, 0.21875, 0.109375, 0.03125],
        [4 / 256.0, 13 / 256.0, 30 / 256.0, 51 / 256.0, 60 / 256.0, 51 / 256.0, 30 / 256.0, 13 / 256.0, 4 / 256.0],
    ];

    /// <summary><c>cv::getGaussianKernel(ksize, sigma, CV_64F)</c> for <c>ksize &gt;= 1</c> and a finite sigma.</summary>
    public static double[] Create(int ksize, double sigma)
    {
        if (sigma <= 0 && (ksize & 1) == 1 && ksize <= 9)
        {
            return (double[])SmallKernels[ksize / 2].Clone();
        }

        double s = sigma > 0 ? sigma : DefaultSigma(ksize);
        double scale2X = -0.125 / (s * s);
        int half = (ksize - 1) / 2;
        double[] kernel = new double[ksize];
        double sum = 0.0;
        int x = 1 - ksize; // twice the signed distance to the centre
        for (int i = 0; i < half; i++, x += 2)
        {
            double t = SoftExp.Exp((double)x * x * scale2X);
            kernel[i] = t;
            sum += t;
        }

        sum *= 2.0;
        sum += 1.0;
        bool even = (ksize & 1) == 0;
        if (even)
        {
            sum += 1.0; // OpenCV's quirk: both middle taps of an even kernel weigh exp(0)
        }

        double mul = 1.0 / sum;
        for (int i = 0; i < half; i++)
        {
            kernel[i] *= mul;
            kernel[ksize - 1 - i] = kernel[i];
        }

        kernel[half] = mul;
        if (even)
        {
            kernel[half + 1] = mul;
        }

        return kernel;
    }

    /// <summary>
    /// OpenCV's sigma for a size: <c>0.3*((n-1)*0.5-1)+0.8</c>, evaluated as the single-rounding
    /// <c>fma(n, 0.15, 0.35)</c> exactly as OpenCV does (a two-rounding evaluation differs for n = 5, 9, 10, ...).
    /// </summary>
    public static double DefaultSigma(int ksize) =>
#if NETSTANDARD2_0
        ExactArithmetic.FusedMultiplyAdd(ksize, 0.15, 0.35);
#else
        Math.FusedMultiplyAdd(ksize, 0.15, 0.35);
#endif

    /// <summary><c>round(sigma * f * 2 + 1) | 1</c> with f = 3 for byte images and 4 otherwise; sigma &gt; 0. May exceed int.</summary>
    public static double SizeFromSigma(double sigma, bool isByte)
    {
        double size = Math.Round(sigma * (isByte ? 3 : 4) * 2 + 1, MidpointRounding.ToEven);
        return size > int.MaxValue ? size : (int)size | 1;
    }

    /// <summary>
    /// OpenCV's fixed-point quantisation (error diffusion over the left half, the centre takes the remainder):
    /// symmetric integer weights summing to exactly <c>2^fractionBits</c>.
    /// </summary>
    public static int[] Quantize(double[] kernel, int fractionBits)
    {
        int n = kernel.Length;
        double one = 1 << fractionBits;
        int[] result = new int[n];
        double error = 0.0;
        long sum = 0;
        for (int i = 0; i < n / 2; i++)
        {
            double a = kernel[i] * one + error;
            double q = Math.Round(a, MidpointRounding.ToEven);
            error = a - q;
            result[i] = result[n - 1 - i] = (int)q;
            sum += (int)q;
        }

        result[n / 2] = (int)((1L << fractionBits) - 2 * sum);
        return result;
    }
}
