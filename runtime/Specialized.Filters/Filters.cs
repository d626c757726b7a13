using System;
using Specialized.Filters.Convolution;

namespace Specialized.Filters;

/// <summary>Image filters with OpenCV 4.x semantics, in pure managed code.</summary>
public static class Filters
{
    /// <summary>
    /// Blurs <paramref name="src"/> into <paramref name="dst"/> with a square Gaussian kernel, like
    /// <c>cv::GaussianBlur(src, dst, Size(ksize, ksize), sigma, sigma, border)</c>.
    /// </summary>
    /// <typeparam name="T">byte, ushort (bit-exact with OpenCV), short, float or double.</typeparam>
    /// <param name="src">The source image.</param>
    /// <param name="dst">The destination: same size and channel count; may be exactly <paramref name="src"/> (in place).</param>
    /// <param name="ksize">Odd kernel size, or 0 to derive it from <paramref name="sigma"/>.</param>
    /// <param name="sigma">Standard deviation; 0 or negative derives it from <paramref name="ksize"/>.</param>
    /// <param name="border">How pixels outside the image are extrapolated.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a supported element type.</exception>
    /// <exception cref="ArgumentException">An argument is invalid; nothing has been written.</exception>
    public static void GaussianBlur<T>(ImageView<T> src, ImageSpan<T> dst, int ksize, double sigma, BorderMode border = BorderMode.Reflect101)
        where T : unmanaged
    {
        var request = GaussianBlurRequest.Resolve<T>(src, dst, ksize, ksize, sigma, sigma, border, nameof(ksize), nameof(ksize), nameof(sigma), nameof(sigma));
        GaussianBlurRunner.Run(request, src, dst, FilterOptions.Default);
    }

    /// <summary>
    /// Blurs <paramref name="src"/> into <paramref name="dst"/> with a Gaussian kernel, like
    /// <c>cv::GaussianBlur(src, dst, Size(ksizeX, ksizeY), sigmaX, sigmaY, border)</c>.
    /// </summary>
    /// <typeparam name="T">byte, ushort (bit-exact with OpenCV), short, float or double.</typeparam>
    /// <param name="src">The source image.</param>
    /// <param name="dst">The destination: same size and channel count; may be exactly <paramref name="src"/> (in place).</param>
    /// <param name="ksizeX">Odd kernel width, or 0 to derive it from <paramref name="sigmaX"/>.</param>
    /// <param name="ksizeY">Odd kernel height, or 0 to derive it from <paramref name="sigmaY"/>.</param>
    /// <param name="sigmaX">Horizontal standard deviation; 0 or negative derives it from <paramref name="ksizeX"/>.</param>
    /// <param name="sigmaY">Vertical standard deviation; 0 or negative means <paramref name="sigmaX"/>.</param>
    /// <param name="border">How pixels outside the image are extrapolated.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a supported element type.</exception>
    /// <exception cref="ArgumentException">An argument is invalid; nothing has been written.</exception>
    public static void GaussianBlur<T>(
        ImageView<T> src, ImageSpan<T> dst, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border = BorderMode.Reflect101)
        where T : unmanaged
    {
        GaussianBlur(src, dst, ksizeX, ksizeY, sigmaX, sigmaY, border, FilterOptions.Default);
    }

    /// <summary>
    /// As <see cref="GaussianBlur{T}(ImageView{T}, ImageSpan{T}, int, int, double, double, BorderMode)"/>, with
    /// execution <paramref name="options"/> (such as the number of threads); the result does not depend on them.
    /// </summary>
    /// <typeparam name="T">byte, ushort (bit-exact with OpenCV), short, float or double.</typeparam>
    /// <param name="src">The source image.</param>
    /// <param name="dst">The destination: same size and channel count; may be exactly <paramref name="src"/> (in place).</param>
    /// <param name="ksizeX">Odd kernel width, or 0 to derive it from <paramref name="sigmaX"/>.</param>
    /// <param name="ksizeY">Odd kernel height, or 0 to derive it from <paramref name="sigmaY"/>.</param>
    /// <param name="sigmaX">Horizontal standard deviation; 0 or negative derives it from <paramref name="ksizeX"/>.</param>
    /// <param name="sigmaY">Vertical standard deviation; 0 or negative means <paramref name="sigmaX"/>.</param>
    /// <param name="border">How pixels outside the image are extrapolated.</param>
    /// <param name="options">Execution options.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not a supported element type.</exception>
    /// <exception cref="ArgumentException">An argument is invalid; nothing has been written.</exception>
    public static void GaussianBlur<T>(
        ImageView<T> src, ImageSpan<T> dst, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border, FilterOptions options)
        where T : unmanaged
    {
        var request = GaussianBlurRequest.Resolve<T>(src, dst, ksizeX, ksizeY, sigmaX, sigmaY, border, nameof(ksizeX), nameof(ksizeY), nameof(sigmaX), nameof(sigmaY));
        GaussianBlurRunner.Run(request, src, dst, options);
    }

    /// <summary>
    /// Tells which implementation <see cref="GaussianBlur{T}(ImageView{T}, ImageSpan{T}, int, int, double, double, BorderMode, FilterOptions)"/>
    /// would run for an image of this size and these arguments, and the kernel size after OpenCV's rules, without
    /// filtering anything. Throws for invalid arguments exactly as the blur would.
    /// </summary>
    /// <typeparam name="T">byte, ushort, short, float or double.</typeparam>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="ksizeX">As for GaussianBlur.</param>
    /// <param name="ksizeY">As for GaussianBlur.</param>
    /// <param name="sigmaX">As for GaussianBlur.</param>
    /// <param name="sigmaY">As for GaussianBlur.</param>
    /// <param name="border">As for GaussianBlur.</param>
    /// <param name="options">As for GaussianBlur.</param>
    /// <returns>The resolved kernel and the path that runs it.</returns>
    public static GaussianBlurPlan PlanGaussianBlur<T>(
        int width, int height, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border = BorderMode.Reflect101, FilterOptions options = default)
        where T : unmanaged
    {
        ImageLayout.Validate(int.MaxValue, width, height, 1, 0);
        var request = GaussianBlurRequest.ResolveKernel<T>(width, height, 1, ksizeX, ksizeY, sigmaX, sigmaY, border, nameof(ksizeX), nameof(ksizeY), nameof(sigmaX), nameof(sigmaY));
        return GaussianBlurRunner.Plan<T>(request, options);
    }
}
