namespace Specialized.Filters.Generated.Tests;

/// <summary>The three examples of the issue, verbatim: they must compile and run.</summary>
public static partial class Blur
{
    [GaussianKernel(5, 1.2)]
    public static partial void Soft(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(7, 3, 2.0, 0.8, Border = BorderMode.Replicate)]
    internal static partial void Wide(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(3, 0)]
    public static partial void Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);
}
