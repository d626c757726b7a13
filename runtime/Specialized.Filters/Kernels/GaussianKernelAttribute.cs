using System;

namespace Specialized.Filters;

/// <summary>
/// Asks Specialized.Filters.Generator to implement a <c>static partial void</c> method as a Gaussian blur
/// specialized at compile time for this kernel: weights baked in as constants, taps unrolled, vectorized.
/// The method behaves exactly like <see cref="Filters.GaussianBlur{T}(ImageView{T}, ImageSpan{T}, int, int, double, double, BorderMode)"/>
/// with the same arguments, and <c>Filters.GaussianBlur</c> calls in the same program use the generated kernel too.
/// </summary>
/// <example>
/// <code>
/// static partial class Blur
/// {
///     [GaussianKernel(5, 1.2)]
///     public static partial void Soft(ImageView&lt;byte&gt; src, ImageSpan&lt;byte&gt; dst);
///
///     [GaussianKernel(7, 3, 2.0, 0.8, Border = BorderMode.Replicate)]
///     internal static partial void Wide(ImageView&lt;float&gt; src, ImageSpan&lt;float&gt; dst);
///
///     [GaussianKernel(3, 0)] // a trailing BorderMode parameter chooses the border at run time
///     public static partial void Any(ImageView&lt;ushort&gt; src, ImageSpan&lt;ushort&gt; dst, BorderMode border);
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GaussianKernelAttribute : Attribute
{
    /// <summary>A square kernel.</summary>
    /// <param name="size">Odd kernel size, or 0 to derive it from <paramref name="sigma"/>.</param>
    /// <param name="sigma">Standard deviation for both axes; 0 derives it from the size.</param>
    public GaussianKernelAttribute(int size, double sigma)
        : this(size, size, sigma, sigma)
    {
    }

    /// <summary>A rectangular kernel.</summary>
    /// <param name="width">Odd kernel width, or 0 to derive it from <paramref name="sigmaX"/>.</param>
    /// <param name="height">Odd kernel height, or 0 to derive it from <paramref name="sigmaY"/>.</param>
    /// <param name="sigmaX">Horizontal standard deviation; 0 derives it from the width.</param>
    /// <param name="sigmaY">Vertical standard deviation; 0 means <paramref name="sigmaX"/>.</param>
    public GaussianKernelAttribute(int width, int height, double sigmaX, double sigmaY)
    {
        Width = width;
        Height = height;
        SigmaX = sigmaX;
        SigmaY = sigmaY;
    }

    /// <summary>Kernel width as written (0 means derived from <see cref="SigmaX"/>).</summary>
    public int Width { get; }

    /// <summary>Kernel height as written (0 means derived from <see cref="SigmaY"/>).</summary>
    public int Height { get; }

    /// <summary>Horizontal standard deviation as written.</summary>
    public double SigmaX { get; }

    /// <summary>Vertical standard deviation as written.</summary>
    public double SigmaY { get; }

    /// <summary>The border when the method has no <see cref="BorderMode"/> parameter; <see cref="BorderMode.Reflect101"/> by default.</summary>
    public BorderMode Border { get; set; } = BorderMode.Reflect101;
}
