using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Entry points for code emitted by Specialized.Filters.Generator: running and registering generated kernels, and
/// the bounds checks their passes make before unchecked vector access. Not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedKernels
{
    /// <summary>
    /// Runs a generated kernel with the semantics of <see cref="Filters.GaussianBlur{T}(ImageView{T}, ImageSpan{T}, int, int, double, double, BorderMode)"/>
    /// for the attribute's arguments: the same validation and exceptions, and the runtime path where OpenCV's rules
    /// change the kernel (a one-pixel dimension, a 1x1 copy).
    /// </summary>
    /// <typeparam name="TSrc">The image element type.</typeparam>
    /// <typeparam name="TRow">The kernel's lane type.</typeparam>
    /// <typeparam name="TKernel">The generated kernel.</typeparam>
    /// <param name="src">The source image.</param>
    /// <param name="dst">The destination image.</param>
    /// <param name="ksizeX">The attribute's width as written.</param>
    /// <param name="ksizeY">The attribute's height as written.</param>
    /// <param name="sigmaX">The attribute's horizontal sigma.</param>
    /// <param name="sigmaY">The attribute's vertical sigma.</param>
    /// <param name="border">The border mode.</param>
    public static void Run<TSrc, TRow, TKernel>(
        ImageView<TSrc> src, ImageSpan<TSrc> dst, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        var request = GaussianBlurRequest.Resolve(src, dst, ksizeX, ksizeY, sigmaX, sigmaY, border, nameof(ksizeX), nameof(ksizeY), nameof(sigmaX), nameof(sigmaY));
        TKernel kernel = default;
        if (request.KernelWidth == 2 * kernel.RadiusX + 1 && request.KernelHeight == 2 * kernel.RadiusY + 1)
        {
            SeparableFilter.Run<TSrc, TRow, TKernel>(kernel, src, dst, request.Border, 1);
        }
        else
        {
            GaussianBlurRunner.Run(request, src, dst, FilterOptions.Default);
        }
    }

    /// <summary>
    /// Makes a generated kernel available to <c>Filters.GaussianBlur</c> calls whose kernel has the same weights.
    /// Called from the module initializer of the assembly that declares it.
    /// </summary>
    /// <typeparam name="TSrc">The image element type.</typeparam>
    /// <typeparam name="TRow">The kernel's lane type.</typeparam>
    /// <typeparam name="TKernel">The generated kernel.</typeparam>
    /// <param name="kernelWidth">The resolved (odd, positive) kernel width.</param>
    /// <param name="kernelHeight">The resolved kernel height.</param>
    /// <param name="sigmaX">The horizontal sigma (0 for OpenCV's default).</param>
    /// <param name="sigmaY">The vertical sigma (0 for OpenCV's default).</param>
    /// <param name="name">The generated method, for <see cref="GaussianBlurPlan.GeneratedKernel"/>.</param>
    public static void Register<TSrc, TRow, TKernel>(int kernelWidth, int kernelHeight, double sigmaX, double sigmaY, string name)
        where TSrc : unmanaged
        where TRow : unmanaged
        where TKernel : struct, ISeparableKernel<TSrc, TRow>
    {
        if (!ElementTypes.IsSupported(typeof(TSrc)) || kernelWidth < 1 || kernelHeight < 1)
        {
            return;
        }

        GeneratedKernelRegistry.Add<TSrc>(
            GaussianMath.Create(kernelWidth, Math.Max(0, sigmaX)),
            GaussianMath.Create(kernelHeight, Math.Max(0, sigmaY)),
            new KernelRunner<TSrc, TRow, TKernel>(default, name));
    }

    /// <summary>
    /// Checks a row pass before it reads its source and writes <paramref name="planeLength"/>-lane
    /// planes without bounds checks; throws on violation, which would be an engine bug.
    /// </summary>
    /// <param name="sourceLength">Elements available from the leftmost tap of the first lane.</param>
    /// <param name="channels">Channels per pixel (1 to 4).</param>
    /// <param name="kernelWidth">Taps of the row kernel.</param>
    /// <param name="planeLength">Lanes per plane of the filtered row.</param>
    /// <param name="start">First lane computed.</param>
    /// <param name="count">Lanes computed.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckRow(int sourceLength, int channels, int kernelWidth, int planeLength, int start, int count) =>
        KernelBounds.CheckRow(sourceLength, channels, kernelWidth, planeLength, start, count);

    /// <summary>Checks a column pass: every plane read at every row offset stays inside the buffer.</summary>
    /// <param name="rowsLength">Lanes in the row buffer.</param>
    /// <param name="rowOffsets">Start of each vertical tap's row.</param>
    /// <param name="kernelHeight">Taps of the column kernel.</param>
    /// <param name="planeLength">Lanes from one plane of a row to the next.</param>
    /// <param name="planes">Planes per row.</param>
    /// <param name="count">Lanes read from each plane.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckColumn(int rowsLength, ReadOnlySpan<nint> rowOffsets, int kernelHeight, int planeLength, int planes, int count)
    {
        KernelBounds.CheckColumn(rowsLength, rowOffsets[..kernelHeight], planeLength, planes, count);
    }

    /// <summary>Checks a fused pass: every source row and output row it touches lies inside its span.</summary>
    /// <param name="sourceLength">Elements available from the first tap of the first output element.</param>
    /// <param name="sourceStride">Elements from one source row to the next.</param>
    /// <param name="channels">Channels per pixel (1 to 4).</param>
    /// <param name="kernelWidth">Taps of the row kernel.</param>
    /// <param name="kernelHeight">Taps of the column kernel.</param>
    /// <param name="destinationLength">Elements available from the first output element.</param>
    /// <param name="destinationStride">Elements from one output row to the next.</param>
    /// <param name="rows">Output rows computed.</param>
    /// <param name="count">Elements computed per output row.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckFused(
        int sourceLength, int sourceStride, int channels, int kernelWidth, int kernelHeight, int destinationLength, int destinationStride, int rows, int count) =>
        KernelBounds.CheckFused(sourceLength, sourceStride, channels, kernelWidth, kernelHeight, destinationLength, destinationStride, rows, count);

    /// <summary>
    /// A prefetch hint for a fused pass's walk down a tile: asks for the <paramref name="stepBytes"/> bytes a few steps
    /// to the right of element <paramref name="offset"/>, where the next step starts reading new lines. Never changes a
    /// result; the address may lie past the image.
    /// </summary>
    /// <typeparam name="T">The image element type.</typeparam>
    /// <param name="origin">Element 0 of the source.</param>
    /// <param name="offset">The first element the next step reads that this one does not, in this row.</param>
    /// <param name="stepBytes">Bytes the walk moves right per step.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void PrefetchAhead<T>(ref T origin, nint offset, int stepBytes)
        where T : unmanaged =>
        WalkPrefetch.Ahead(ref origin, offset, stepBytes);
}
