using System;
using System.Linq;
using Specialized.Filters.Convolution;
using Specialized.Filters.Generator.Models;

namespace Specialized.Filters.Generator.Planning;

/// <summary>One axis of a generated kernel: its taps and the weights the emitted code multiplies by.</summary>
/// <param name="Size">Taps (odd).</param>
/// <param name="Sigma">The sigma the weights were computed from (0 = OpenCV's default for the size).</param>
/// <param name="Weights">The double kernel, identical to <c>cv::getGaussianKernel</c>.</param>
/// <param name="FixedWeights">For 8U/16U, OpenCV's fixed-point kernel (sum 2^fraction bits); else empty.</param>
/// <param name="ReducedWeights">For 8U/16U, the fixed kernel divided by its largest common power of two; else empty.</param>
/// <param name="SumBits">For 8U/16U, log2 of the reduced kernel's sum.</param>
internal sealed record AxisPlan(int Size, double Sigma, double[] Weights, int[] FixedWeights, int[] ReducedWeights, int SumBits)
{
    public int Radius => Size / 2;

    /// <summary>
    /// Whether the reduced integer weights are binomial coefficients (1 2 1, 1 4 6 4 1: OpenCV's 3x3 and 5x5 tables),
    /// which a fused pass sums as running sums of neighbouring rows.
    /// </summary>
    public bool IsBinomial => Size >= 3 && ReducedWeights.Select(w => (long)w).SequenceEqual(BinomialCoefficients(Size - 1));

    /// <summary>Row <paramref name="n"/> of Pascal's triangle: n choose 0 to n choose n.</summary>
    public static long[] BinomialCoefficients(int n)
    {
        var row = new long[n + 1];
        row[0] = 1;
        for (int i = 0; i < n; i++)
        {
            row[i + 1] = row[i] * (n - i) / (i + 1);
        }

        return row;
    }
}

/// <summary>
/// The kernel a <c>[GaussianKernel]</c> method gets, with OpenCV's rules applied at compile time (sizes derived from
/// sigma, sigmaY defaulting to sigmaX) and the integer arithmetic chosen the same way the runtime chooses it.
/// </summary>
internal sealed record KernelPlan(string Element, AxisPlan X, AxisPlan Y, int Border)
{
    /// <summary>Kernels wider or taller than this are not unrolled: the method calls the runtime engine instead.</summary>
    public const int MaxUnrolledTaps = 31;

    public bool IsInteger => ElementKinds.IsInteger(Element);

    public string Lane => ElementKinds.LaneType(Element);

    /// <summary>Bits of image data (8 or 16) for the integer paths.</summary>
    public int DataBits => ElementKinds.FractionBits(Element);

    /// <summary>The final shift of the integer column pass: log2 of the product of both reduced sums.</summary>
    public int Shift => X.SumBits + Y.SumBits;

    /// <summary>Whether integer row sums must be split in two planes so the column pass cannot overflow a lane.</summary>
    public bool Split => IsInteger && Shift > DataBits;

    public bool IsUnrolled => X.Size <= MaxUnrolledTaps && Y.Size <= MaxUnrolledTaps;

    /// <summary>
    /// Whether the fused pass sums split columns exactly in 32 bits where the hardware has it (<c>IVectorOps.HasWideSums</c>,
    /// vpmaddwd) instead of twice, once for each half: 8-bit images, whose row sums fit a 16-bit lane. Measured at
    /// 1920x1080, calls alternating, min of 3 runs, split / wide: 8UC1 7x7 593 / 492 µs, 8UC3 7x7 1719 / 1379, 8UC4
    /// 7x7 2511 / 2020, 8UC3 5x5 sigma 1.2 1405 / 1313, 8UC4 13x13 sigma 2 4255 / 4139; 11x11 alike (973 / 980), where
    /// each row sum is weighted on its own (a C version with the loop unrolled by gcc gained 20%).
    /// </summary>
    public bool WideColumns => Split && Element == "byte";

    /// <summary>How wide column sums form their terms and start, by the same rule as the runtime's fused pass (for <see cref="WideColumns"/>).</summary>
    public WideColumnSums Wide => WideColumnSums.For(X.SumBits, Y.SumBits);

    /// <summary>Whether wide column sums add mirrored rows first: twice the largest row sum fits a signed 16-bit lane (offset where <see cref="WideOffset"/>).</summary>
    public bool WidePairs => Wide.Pairs;

    /// <summary>Whether wide column sums offset row sums by -2^(<see cref="WideColumnSums.OffsetBits"/>) first, centring them in a signed 16-bit lane.</summary>
    public bool WideOffset => Wide.Offset;

    /// <summary>
    /// The tallest kernel that gets a fused pass (<c>FilterFused</c>): its window of 2 * 6 filtered rows (split sums: two
    /// windows) stays in the 32 vector registers of AVX-512 next to the weights, or nearly (split 13-row windows spill a
    /// few). Measured at 1920x1080 against the ring of rows, generated kernels, calls alternating: 32FC1 9x9 2.5 / 1.0
    /// ms, 11x11 2.4 / 1.2, 8UC3 11x11 5.6 / 3.2, 8UC4 13x13 sigma 2 6.7 / 4.5, 16UC1 11x11 2.2 / 1.7.
    /// </summary>
    public const int MaxFusedRadius = 6;

    /// <summary>
    /// Whether the kernel gets a fused pass: a window that fits the registers. Its loop body filters one source row per
    /// vector and sums one column, so even 31 taps across and split 13-row sums stay within the JIT's inlining budget
    /// (checked with DOTNET_JitDisasm: no calls).
    /// </summary>
    public bool IsFused => IsUnrolled && Y.Radius <= MaxFusedRadius;

    /// <summary>
    /// The most loads (and so vector operations) one step of a pass may unroll. Beyond about this, the JIT's inlining
    /// budget runs out and the vector operations become calls (seen with DOTNET_JitDisasm: 16UC1 11x11 with four vectors
    /// per step ran 3x slower than with one). A 31-tap kernel with one vector per step stays within it.
    /// </summary>
    public const int MaxLoadsPerStep = 31;

    public static KernelPlan Create(string element, KernelRequest request)
    {
        bool isByte = element == "byte";
        double sigmaX = request.SigmaX;
        double sigmaY = request.SigmaY > 0 ? request.SigmaY : sigmaX;
        int width = request.Width > 0 ? request.Width : (int)GaussianMath.SizeFromSigma(sigmaX, isByte);
        int height = request.Height > 0 ? request.Height : (int)GaussianMath.SizeFromSigma(sigmaY, isByte);
        return new KernelPlan(element, Axis(element, width, Math.Max(0, sigmaX)), Axis(element, height, Math.Max(0, sigmaY)), request.Border);
    }

    private static AxisPlan Axis(string element, int size, double sigma)
    {
        double[] weights = GaussianMath.Create(size, sigma);
        if (!ElementKinds.IsInteger(element))
        {
            return new AxisPlan(size, sigma, weights, [], [], 0);
        }

        int bits = ElementKinds.FractionBits(element);
        int[] fixedWeights = GaussianMath.Quantize(weights, bits);
        int common = bits;
        foreach (int w in fixedWeights.Where(w => w != 0))
        {
            common = Math.Min(common, TrailingZeros(w));
        }

        return new AxisPlan(size, sigma, weights, fixedWeights, fixedWeights.Select(w => w >> common).ToArray(), bits - common);
    }

    private static int TrailingZeros(int value)
    {
        int count = 0;
        while ((value & 1) == 0 && count < 31)
        {
            value >>= 1;
            count++;
        }

        return count;
    }
}
