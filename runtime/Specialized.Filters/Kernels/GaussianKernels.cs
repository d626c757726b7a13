using System;

namespace Specialized.Filters;

/// <summary>
/// Gaussian kernel math, bit for bit as OpenCV 4.x computes it: <c>cv::getGaussianKernel</c>, the kernel size
/// derived from sigma, and the fixed-point kernels of the bit-exact 8-bit and 16-bit blur.
/// </summary>
public static class GaussianKernels
{
    /// <summary>
    /// The largest kernel size the filters accept (explicit or derived from sigma). OpenCV has no limit; ours keeps a
    /// mistyped sigma from turning into a multi-gigabyte allocation instead of a clear error.
    /// </summary>
    public const int MaxFilterSize = 65535;

    /// <summary>The fixed-point fraction bits OpenCV's bit-exact blur uses for <see cref="byte"/> images.</summary>
    public const int ByteFractionBits = 8;

    /// <summary>The fixed-point fraction bits OpenCV's bit-exact blur uses for <see cref="ushort"/> images.</summary>
    public const int UInt16FractionBits = 16;

    /// <summary>
    /// Returns the <paramref name="ksize"/>-tap Gaussian kernel, identical to <c>cv::getGaussianKernel(ksize, sigma, CV_64F)</c>.
    /// </summary>
    /// <param name="ksize">Number of taps, at least 1. Even sizes are accepted (with OpenCV's even-size quirk).</param>
    /// <param name="sigma">Standard deviation; zero or negative derives it from the size (<c>0.3*((ksize-1)*0.5-1)+0.8</c>),
    /// and for sizes 1, 3, 5, 7 and 9 selects OpenCV's fixed table kernels.</param>
    /// <returns>A new array of <paramref name="ksize"/> weights that sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ksize"/> is less than 1, or <paramref name="sigma"/> is NaN or infinite.</exception>
    public static double[] Create(int ksize, double sigma)
    {
        if (ksize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ksize), ksize, "The kernel size must be at least 1.");
        }

        ThrowIfNotFinite(sigma, nameof(sigma));

        return GaussianMath.Create(ksize, sigma);
    }

    /// <summary>
    /// The kernel size OpenCV's <c>GaussianBlur</c> derives from sigma when the size is 0:
    /// <c>round(sigma * f * 2 + 1) | 1</c> with f = 3 for <see cref="byte"/> images and 4 for every other element type.
    /// </summary>
    /// <param name="sigma">A positive, finite standard deviation.</param>
    /// <param name="elementType">The image element type: byte, ushort, short, float or double.</param>
    /// <returns>An odd kernel size, at least 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="elementType"/> is null.</exception>
    /// <exception cref="NotSupportedException"><paramref name="elementType"/> is not a supported element type.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sigma"/> is not positive and finite, or the size would not fit in an <see cref="int"/>.</exception>
    public static int SizeFromSigma(double sigma, Type elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        ElementTypes.ThrowIfUnsupported(elementType);
        return SizeFromSigma(sigma, elementType == typeof(byte), nameof(sigma));
    }

    internal static int SizeFromSigma(double sigma, bool isByte, string paramName)
    {
        ThrowIfNotFinite(sigma, paramName);
        if (sigma <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, sigma, "A kernel size can only be derived from a positive sigma.");
        }

        double size = GaussianMath.SizeFromSigma(sigma, isByte);
        if (size > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(paramName, sigma, "Sigma is too large: the derived kernel size does not fit in an int.");
        }

        return (int)size;
    }

    /// <summary>
    /// The fixed-point kernel of OpenCV's bit-exact blur: the double kernel of <see cref="Create"/> quantised to
    /// <paramref name="fractionBits"/> fraction bits by error diffusion over the left half, the centre tap taking the
    /// remainder, so the weights are symmetric and sum to exactly 2^<paramref name="fractionBits"/>.
    /// </summary>
    /// <param name="ksize">An odd number of taps, at least 1.</param>
    /// <param name="sigma">As for <see cref="Create"/>.</param>
    /// <param name="fractionBits"><see cref="ByteFractionBits"/> (8, for byte images) or <see cref="UInt16FractionBits"/> (16, for ushort images).</param>
    /// <returns>A new array of integer weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size that is even or less than 1, a sigma that is NaN or infinite, or fraction bits other than 8 and 16.</exception>
    public static int[] CreateFixedPoint(int ksize, double sigma, int fractionBits)
    {
        if (ksize < 1 || (ksize & 1) == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ksize), ksize, "The kernel size must be odd and at least 1.");
        }

        if (fractionBits != ByteFractionBits && fractionBits != UInt16FractionBits)
        {
            throw new ArgumentOutOfRangeException(nameof(fractionBits), fractionBits, "Fraction bits must be 8 (byte images) or 16 (ushort images).");
        }

        return GaussianMath.Quantize(Create(ksize, sigma), fractionBits);
    }

    internal static void ThrowIfNotFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Sigma must be a finite number.");
        }
    }
}
