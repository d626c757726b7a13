namespace Specialized.Filters.Benchmarks;

/// <summary>
/// Kernels the benchmarks measure that the library does not ship (it ships 3, 5, 7 and 9 with sigma 0). Declaring
/// them is all it takes: Filters.GaussianBlur with the same size and sigma dispatches to them.
/// </summary>
internal static partial class BenchmarkKernels
{
    [GaussianKernel(11, 0)]
    public static partial void Byte11(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    public static partial void Byte5Sigma12(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    public static partial void Byte13Sigma2(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(11, 0)]
    public static partial void UInt16_11(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    public static partial void UInt16_5Sigma12(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    public static partial void UInt16_13Sigma2(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(11, 0)]
    public static partial void Single11(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    public static partial void Single5Sigma12(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    public static partial void Single13Sigma2(ImageView<float> src, ImageSpan<float> dst, BorderMode border);
}

/// <summary>Large kernels (the unroll limit is 31 taps), for the large-kernel benchmark.</summary>
internal static partial class LargeBenchmarkKernels
{
    [GaussianKernel(21, 0)]
    public static partial void Byte21(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(31, 0)]
    public static partial void Byte31(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(21, 0)]
    public static partial void Single21(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(31, 0)]
    public static partial void Single31(ImageView<float> src, ImageSpan<float> dst, BorderMode border);
}
