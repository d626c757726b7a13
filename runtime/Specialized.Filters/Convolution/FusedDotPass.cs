using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized.Filters.Convolution;

/// <summary>A vertical kernel radius known when the JIT compiles the fused pass, so that its window of rows is registers.</summary>
internal interface IKernelRadius
{
    static abstract int Value { get; }
}

internal readonly struct RadiusOne : IKernelRadius
{
    public static int Value => 1;
}

internal readonly struct RadiusTwo : IKernelRadius
{
    public static int Value => 2;
}

internal readonly struct RadiusThree : IKernelRadius
{
    public static int Value => 3;
}

/// <summary>
/// The runtime kernels' fused pass (<see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>): for one vector of lanes at a
/// time it walks down the rows, filters each source row horizontally once and keeps the last 2 * <typeparamref name="TRadiusY"/>
/// + 1 filtered rows in registers for the column sum. Both radii are type arguments and every weight is a register, as in
/// a generated kernel. Both sums are computed in <see cref="SymmetricDot"/>'s order (centre first, then mirrored pairs
/// outwards), so the result equals the row and column passes bit for bit; integer sums are rounded and shifted back
/// (<paramref name="shift"/> &gt; 0) as <see cref="RoundingShiftPass{T, TOut, TMode}"/> does.
/// </summary>
/// <param name="weightsX">The horizontal kernel's distinct weights, outermost first, centre last: <typeparamref name="TRadiusX"/> + 1 of them.</param>
/// <param name="weightsY">The vertical kernel's distinct weights: <typeparamref name="TRadiusY"/> + 1 of them.</param>
/// <param name="channels">Channels per pixel: the distance between horizontal taps.</param>
/// <param name="sourceStride">Elements from one source row to the next.</param>
/// <param name="destinationStride">Elements from one output row to the next.</param>
/// <param name="rows">Output rows.</param>
/// <param name="rounding">Added to integer sums before the shift.</param>
/// <param name="shift">The final right shift of integer sums; 0 for float sums, which are stored as they are.</param>
internal readonly struct FusedDotPass<T, TSrc, TRadiusX, TRadiusY>(
    T[] weightsX, T[] weightsY, int channels, int sourceStride, int destinationStride, int rows, T rounding, int shift)
    : IConvolutionPass<T, TSrc, TSrc>
    where T : unmanaged
    where TSrc : unmanaged
    where TRadiusX : struct, IKernelRadius
    where TRadiusY : struct, IKernelRadius
{
    public void Run<TOps, TVector>(ref TSrc source, ReadOnlySpan<nint> taps, ref TSrc destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        // Fields copied to locals: the pass is passed by reference, so the JIT would reload them for every vector. The
        // weights are separate locals, not a struct of vectors, which the JIT would keep in memory.
        int rx = TRadiusX.Value, r = TRadiusY.Value;
        ReadOnlySpan<T> wx = weightsX.AsSpan(0, rx + 1), wy = weightsY.AsSpan(0, r + 1);
        TVector xc = TOps.Broadcast(wx[rx]), x1 = TOps.Broadcast(wx[rx - 1]);
        TVector x2 = rx >= 2 ? TOps.Broadcast(wx[rx - 2]) : default, x3 = rx >= 3 ? TOps.Broadcast(wx[rx - 3]) : default;
        TVector yc = TOps.Broadcast(wy[r]), y1 = TOps.Broadcast(wy[r - 1]);
        TVector y2 = r >= 2 ? TOps.Broadcast(wy[r - 2]) : default, y3 = r >= 3 ? TOps.Broadcast(wy[r - 3]) : default;
        TVector half = TOps.Broadcast(rounding);
        nint stride = sourceStride, outputStride = destinationStride, c = channels;
        int height = rows, bits = shift;
        for (nint at = 0; at >= 0; at = VectorLoop.Next(at, TOps.Count, count))
        {
            // The window: filtered rows v0 (top) to v5; each output row adds the row entering at the bottom.
            TVector v0 = Row<TOps, TVector>(ref source, at, c, xc, x1, x2, x3);
            TVector v1 = Row<TOps, TVector>(ref source, stride + at, c, xc, x1, x2, x3);
            TVector v2 = r >= 2 ? Row<TOps, TVector>(ref source, 2 * stride + at, c, xc, x1, x2, x3) : default;
            TVector v3 = r >= 2 ? Row<TOps, TVector>(ref source, 3 * stride + at, c, xc, x1, x2, x3) : default;
            TVector v4 = r >= 3 ? Row<TOps, TVector>(ref source, 4 * stride + at, c, xc, x1, x2, x3) : default;
            TVector v5 = r >= 3 ? Row<TOps, TVector>(ref source, 5 * stride + at, c, xc, x1, x2, x3) : default;
            nint below = 2 * r * stride + at;
            for (nint row = 0; row < height; row++, below += stride)
            {
                TVector entering = Row<TOps, TVector>(ref source, below, c, xc, x1, x2, x3);
                TVector sum;
                if (r == 1)
                {
                    sum = TOps.Add(TOps.Multiply(yc, v1), TOps.Multiply(y1, TOps.Add(v0, entering)));
                    (v0, v1) = (v1, entering);
                }
                else if (r == 2)
                {
                    sum = TOps.Add(TOps.Multiply(yc, v2), TOps.Multiply(y1, TOps.Add(v1, v3)));
                    sum = TOps.Add(sum, TOps.Multiply(y2, TOps.Add(v0, entering)));
                    (v0, v1, v2, v3) = (v1, v2, v3, entering);
                }
                else
                {
                    sum = TOps.Add(TOps.Multiply(yc, v3), TOps.Multiply(y1, TOps.Add(v2, v4)));
                    sum = TOps.Add(sum, TOps.Multiply(y2, TOps.Add(v1, v5)));
                    sum = TOps.Add(sum, TOps.Multiply(y3, TOps.Add(v0, entering)));
                    (v0, v1, v2, v3, v4, v5) = (v1, v2, v3, v4, v5, entering);
                }

                if (bits > 0)
                {
                    sum = TOps.ShiftRightLogical(TOps.Add(sum, half), bits);
                }

                TOps.Store(sum, ref destination, row * outputStride + at);
            }
        }
    }

    /// <summary>
    /// The horizontal sum at lane <paramref name="at"/>: taps <paramref name="c"/> elements apart, weights <paramref name="centre"/>,
    /// then <paramref name="d1"/> to <paramref name="d3"/> for the pairs 1 to 3 taps out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Row<TOps, TVector>(ref TSrc source, nint at, nint c, TVector centre, TVector d1, TVector d2, TVector d3)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        int r = TRadiusX.Value;
        TVector sum = TOps.Multiply(centre, TOps.Load<TSrc>(ref source, at + r * c));
        sum = TOps.Add(sum, TOps.Multiply(d1, TOps.Add(TOps.Load<TSrc>(ref source, at + (r - 1) * c), TOps.Load<TSrc>(ref source, at + (r + 1) * c))));
        if (r >= 2)
        {
            sum = TOps.Add(sum, TOps.Multiply(d2, TOps.Add(TOps.Load<TSrc>(ref source, at + (r - 2) * c), TOps.Load<TSrc>(ref source, at + (r + 2) * c))));
        }

        if (r >= 3)
        {
            sum = TOps.Add(sum, TOps.Multiply(d3, TOps.Add(TOps.Load<TSrc>(ref source, at), TOps.Load<TSrc>(ref source, at + 6 * c))));
        }

        return sum;
    }
}

/// <summary>The runtime kernels' <see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>: checks, then runs <see cref="FusedDotPass{T, TSrc, TRadiusX, TRadiusY}"/> for the radii.</summary>
internal static class FusedKernels
{
    /// <summary>
    /// Kernels with a fused pass: radii of 1 to 3, which keep the window of rows and every weight in registers (the
    /// radius is a type argument, so each one is its own compiled loop).
    /// </summary>
    public static bool Fits(int radiusX, int radiusY) => radiusX is >= 1 and <= 3 && radiusY is >= 1 and <= 3;

    public static void Run<T, TSrc>(
        ReadOnlySpan<TSrc> source, int sourceStride, int channels, T[] weightsX, T[] weightsY, Span<TSrc> destination, int destinationStride,
        int rows, int count, T rounding, int shift)
        where T : unmanaged
        where TSrc : unmanaged
    {
        int radiusY = weightsY.Length - 1;
        KernelBounds.CheckFused(source.Length, sourceStride, channels, 2 * weightsX.Length - 1, 2 * radiusY + 1, destination.Length, destinationStride, rows, count);
        ReadOnlySpan<nint> taps = default; // the pass computes its taps from the channel count
        ref TSrc input = ref MemoryMarshal.GetReference(source);
        ref TSrc output = ref MemoryMarshal.GetReference(destination);
        var arguments = new Arguments<T>(weightsX, weightsY, channels, sourceStride, destinationStride, rows, rounding, shift);
        switch (weightsX.Length - 1)
        {
            case 1:
                WithRadiusX<T, TSrc, RadiusOne>(arguments, ref input, taps, ref output, count);
                break;
            case 2:
                WithRadiusX<T, TSrc, RadiusTwo>(arguments, ref input, taps, ref output, count);
                break;
            default:
                WithRadiusX<T, TSrc, RadiusThree>(arguments, ref input, taps, ref output, count);
                break;
        }
    }

    private readonly record struct Arguments<T>(T[] WeightsX, T[] WeightsY, int Channels, int SourceStride, int DestinationStride, int Rows, T Rounding, int Shift);

    private static void WithRadiusX<T, TSrc, TRadiusX>(in Arguments<T> a, ref TSrc input, ReadOnlySpan<nint> taps, ref TSrc output, int count)
        where T : unmanaged
        where TSrc : unmanaged
        where TRadiusX : struct, IKernelRadius
    {
        switch (a.WeightsY.Length - 1)
        {
            case 1:
                PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, RadiusOne>>(
                    new(a.WeightsX, a.WeightsY, a.Channels, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift), ref input, taps, ref output, count);
                break;
            case 2:
                PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, RadiusTwo>>(
                    new(a.WeightsX, a.WeightsY, a.Channels, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift), ref input, taps, ref output, count);
                break;
            default:
                PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, RadiusThree>>(
                    new(a.WeightsX, a.WeightsY, a.Channels, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift), ref input, taps, ref output, count);
                break;
        }
    }
}
