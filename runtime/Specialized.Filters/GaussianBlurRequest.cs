using System;

namespace Specialized.Filters;

/// <summary>
/// A validated <c>GaussianBlur</c> call with OpenCV's front-end rules applied (smooth.dispatch.cpp): sizes derived
/// from sigma, sigmaY defaulting to sigmaX, the one-pixel-dimension rule and the 1x1 copy. Every check happens
/// here, before anything is written.
/// </summary>
internal readonly record struct GaussianBlurRequest(
    int KernelWidth, int KernelHeight, double SigmaX, double SigmaY, BorderMode Border, bool InPlace)
{
    /// <summary>A 1x1 kernel: the result is the source.</summary>
    public bool IsCopy => KernelWidth == 1 && KernelHeight == 1;

    public static GaussianBlurRequest Resolve<T>(
        ImageView<T> src, ImageSpan<T> dst, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border,
        string ksizeXName, string ksizeYName, string sigmaXName, string sigmaYName)
        where T : unmanaged
    {
        ElementTypes.ThrowIfUnsupported(typeof(T));
        bool inPlace = ValidateImages(src, dst);
        return ResolveKernel<T>(src.Width, src.Height, src.Channels, ksizeX, ksizeY, sigmaX, sigmaY, border, ksizeXName, ksizeYName, sigmaXName, sigmaYName) with { InPlace = inPlace };
    }

    /// <summary>The kernel rules alone, for an image of the given size (no buffers involved).</summary>
    public static GaussianBlurRequest ResolveKernel<T>(
        int width, int height, int channels, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border,
        string ksizeXName, string ksizeYName, string sigmaXName, string sigmaYName)
        where T : unmanaged
    {
        ElementTypes.ThrowIfUnsupported(typeof(T));
        if ((uint)border > (uint)BorderMode.Reflect101)
        {
            throw new ArgumentOutOfRangeException(nameof(border), border, "Unknown border mode.");
        }

        GaussianKernels.ThrowIfNotFinite(sigmaX, sigmaXName);
        GaussianKernels.ThrowIfNotFinite(sigmaY, sigmaYName);
        ValidateSize(ksizeX, ksizeXName);
        ValidateSize(ksizeY, ksizeYName);

        if (sigmaY <= 0)
        {
            sigmaY = sigmaX;
        }

        bool isByte = typeof(T) == typeof(byte);
        int kernelWidth = ksizeX > 0 ? ksizeX : DeriveSize(sigmaX, isByte, ksizeXName, sigmaXName);
        int kernelHeight = ksizeY > 0 ? ksizeY : DeriveSize(sigmaY, isByte, ksizeYName, sigmaYName);

        // OpenCV: with a non-constant border a one-pixel dimension is never filtered along (every extrapolated
        // neighbour equals the pixel itself, and float sums would only add rounding noise).
        if (border != BorderMode.Constant)
        {
            if (height == 1)
            {
                kernelHeight = 1;
            }

            if (width == 1)
            {
                kernelWidth = 1;
            }
        }

        ValidateWorkingSet(width, channels, kernelWidth, kernelHeight, ksizeXName, ksizeYName);
        return new GaussianBlurRequest(kernelWidth, kernelHeight, Math.Max(sigmaX, 0), Math.Max(sigmaY, 0), border, false);
    }

    private static void ValidateSize(int ksize, string name)
    {
        if (ksize < 0 || (ksize > 0 && (ksize & 1) == 0))
        {
            throw new ArgumentOutOfRangeException(name, ksize, "The kernel size must be odd and positive, or 0 to derive it from sigma.");
        }

        if (ksize > GaussianKernels.MaxFilterSize)
        {
            throw new ArgumentOutOfRangeException(name, ksize, $"The kernel size must not exceed {GaussianKernels.MaxFilterSize}.");
        }
    }

    private static int DeriveSize(double sigma, bool isByte, string ksizeName, string sigmaName)
    {
        if (sigma <= 0)
        {
            throw new ArgumentOutOfRangeException(
                ksizeName, 0, $"A kernel size of 0 is derived from sigma, so '{sigmaName}' must be positive.");
        }

        int size = GaussianKernels.SizeFromSigma(sigma, isByte, sigmaName);
        if (size > GaussianKernels.MaxFilterSize)
        {
            throw new ArgumentOutOfRangeException(
                sigmaName, sigma, $"Sigma is too large: the derived kernel size {size} exceeds {GaussianKernels.MaxFilterSize}.");
        }

        return size;
    }

    /// <summary>The working rows of the engine must fit in arrays; checked here so that nothing is written first.</summary>
    private static void ValidateWorkingSet(int imageWidth, int channels, int kernelWidth, int kernelHeight, string ksizeXName, string ksizeYName)
    {
        long rowLength = (long)imageWidth * channels;
        if ((imageWidth + (long)kernelWidth) * channels > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(ksizeXName, kernelWidth, "The kernel is too wide for an image this wide.");
        }

        if (2L * kernelHeight * rowLength * 2 > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(ksizeYName, kernelHeight, "The kernel is too tall for an image this wide: its ring of rows would not fit in memory.");
        }
    }

    /// <summary>Checks that both images exist and match; returns true when <paramref name="dst"/> is exactly <paramref name="src"/>.</summary>
    private static bool ValidateImages<T>(ImageView<T> src, ImageSpan<T> dst)
        where T : unmanaged
    {
        if (src.IsEmpty)
        {
            throw new ArgumentException("The source image is empty (a default ImageView).", nameof(src));
        }

        if (dst.IsEmpty)
        {
            throw new ArgumentException("The destination image is empty (a default ImageSpan).", nameof(dst));
        }

        if (src.Width != dst.Width || src.Height != dst.Height || src.Channels != dst.Channels)
        {
            throw new ArgumentException(
                $"The destination is {dst.Width}x{dst.Height} with {dst.Channels} channel(s) but the source is {src.Width}x{src.Height} with {src.Channels}.",
                nameof(dst));
        }

        ReadOnlySpan<T> source = src.Data[..Extent(src.Height, src.Stride, src.RowLength)];
        ReadOnlySpan<T> destination = dst.Data[..Extent(dst.Height, dst.Stride, dst.RowLength)];
        if (!source.Overlaps(destination, out int offset))
        {
            return false;
        }

        if (offset == 0 && src.Stride == dst.Stride)
        {
            return true;
        }

        throw new ArgumentException(
            "The destination overlaps the source. Filtering in place needs dst to be exactly src (same memory, same stride); otherwise use separate buffers.",
            nameof(dst));
    }

    private static int Extent(int height, int stride, int rowLength) => (height - 1) * stride + rowLength;
}
