namespace Specialized.Filters;

/// <summary>Which implementation a Gaussian blur call runs on.</summary>
public enum GaussianBlurPath
{
    /// <summary>The kernel is 1x1 (possibly after OpenCV's one-pixel-dimension rule): the result is a copy.</summary>
    Copy,

    /// <summary>A kernel specialized at compile time by <see cref="GaussianKernelAttribute"/> (the library's own or the program's).</summary>
    GeneratedKernel,

    /// <summary>The runtime's vectorized engine for kernels known only at run time.</summary>
    RuntimeKernel,
}

/// <summary>What a Gaussian blur call resolves to: the kernel after OpenCV's rules, and the implementation that runs it.</summary>
/// <param name="Path">The implementation.</param>
/// <param name="KernelWidth">The kernel width after sizes are derived and the one-pixel rule applied.</param>
/// <param name="KernelHeight">The kernel height likewise.</param>
/// <param name="SigmaX">The horizontal sigma (0 means OpenCV's default for the size).</param>
/// <param name="SigmaY">The vertical sigma likewise.</param>
/// <param name="GeneratedKernel">For <see cref="GaussianBlurPath.GeneratedKernel"/>, the generated method (namespace, type, name); otherwise null.</param>
public sealed record GaussianBlurPlan(GaussianBlurPath Path, int KernelWidth, int KernelHeight, double SigmaX, double SigmaY, string? GeneratedKernel);
