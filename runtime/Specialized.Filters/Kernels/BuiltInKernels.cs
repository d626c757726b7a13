namespace Specialized.Filters;

/// <summary>
/// The library dogfoods its own generator: OpenCV's table kernels (sizes 3, 5, 7 and 9 with sigma 0, the most common
/// GaussianBlur calls) are specialized at compile time for every element type. Their generated module initializers
/// register them, so <see cref="Filters.GaussianBlur{T}(ImageView{T}, ImageSpan{T}, int, double, BorderMode)"/>
/// runs them without any attribute in the user's code.
/// </summary>
internal static partial class BuiltInKernels
{
    [GaussianKernel(3, 0)]
    internal static partial void Byte3x3(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(5, 0)]
    internal static partial void Byte5x5(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(7, 0)]
    internal static partial void Byte7x7(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(9, 0)]
    internal static partial void Byte9x9(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(3, 0)]
    internal static partial void UInt163x3(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(5, 0)]
    internal static partial void UInt165x5(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(7, 0)]
    internal static partial void UInt167x7(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(9, 0)]
    internal static partial void UInt169x9(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(3, 0)]
    internal static partial void Int163x3(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(5, 0)]
    internal static partial void Int165x5(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(7, 0)]
    internal static partial void Int167x7(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(9, 0)]
    internal static partial void Int169x9(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(3, 0)]
    internal static partial void Single3x3(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(5, 0)]
    internal static partial void Single5x5(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(7, 0)]
    internal static partial void Single7x7(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(9, 0)]
    internal static partial void Single9x9(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(3, 0)]
    internal static partial void Double3x3(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(5, 0)]
    internal static partial void Double5x5(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(7, 0)]
    internal static partial void Double7x7(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(9, 0)]
    internal static partial void Double9x9(ImageView<double> src, ImageSpan<double> dst, BorderMode border);
}
