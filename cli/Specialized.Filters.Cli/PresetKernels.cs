namespace Specialized.Filters.Cli;

/// <summary>
/// The kernel of the "strong" preset, specialized at compile time. Declaring it is enough: Filters.GaussianBlur calls
/// with the same size and sigma run it (the demo prints the path that ran).
/// </summary>
internal static partial class PresetKernels
{
    /// <summary>Sigma of the strong preset: 8-bit images derive 25 taps from it.</summary>
    public const double StrongSigma = 4.0;

    [GaussianKernel(0, StrongSigma)]
    internal static partial void Strong(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);
}
