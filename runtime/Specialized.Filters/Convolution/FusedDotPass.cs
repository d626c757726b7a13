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
/// (<paramref name="shift"/> &gt; 0) as <see cref="RoundingShiftPass{T, TOut, TMode}"/> does, or, where they would
/// overflow a lane (<paramref name="splitBits"/> &gt; 0), split and recombined as <see cref="SplitRowPass{T, TIn}"/> and
/// <see cref="SplitColumnPass{T, TOut, TMode}"/> do, with a window for each half. Stores are plain or streamed as
/// <typeparamref name="TMode"/> says (split sums are narrowed, so never streamed).
/// </summary>
/// <param name="weightsX">The horizontal kernel's distinct weights, outermost first, centre last: <typeparamref name="TRadiusX"/> + 1 of them.</param>
/// <param name="weightsY">The vertical kernel's distinct weights: <typeparamref name="TRadiusY"/> + 1 of them.</param>
/// <param name="channels">Channels per pixel: the distance between horizontal taps.</param>
/// <param name="sourceStride">Elements from one source row to the next.</param>
/// <param name="destinationStride">Elements from one output row to the next.</param>
/// <param name="rows">Output rows.</param>
/// <param name="rounding">Added to integer sums before the shift (split sums: to the fraction, 2^(shift - 1)).</param>
/// <param name="shift">The final right shift of integer sums (split sums: the fraction's, t); 0 for float sums, which are stored as they are.</param>
/// <param name="splitBits">For split sums, the bits of image data where they are split; else 0.</param>
/// <param name="lowMask">For split sums, 2^splitBits - 1.</param>
/// <param name="fractionMask">For split sums, 2^shift - 1.</param>
internal readonly struct FusedDotPass<T, TSrc, TRadiusX, TRadiusY, TMode>(
    T[] weightsX, T[] weightsY, int channels, int sourceStride, int destinationStride, int rows, T rounding, int shift, int splitBits, T lowMask, T fractionMask)
    : IConvolutionPass<T, TSrc, TSrc>
    where T : unmanaged
    where TSrc : unmanaged
    where TRadiusX : struct, IKernelRadius
    where TRadiusY : struct, IKernelRadius
    where TMode : struct, IStoreMode
{
    public void Run<TOps, TVector>(ref TSrc source, ReadOnlySpan<nint> taps, ref TSrc destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        int rx = TRadiusX.Value, r = TRadiusY.Value;
        ReadOnlySpan<T> wx = weightsX.AsSpan(0, rx + 1), wy = weightsY.AsSpan(0, r + 1);
        var weights = new Weights<TVector>(
            TOps.Broadcast(wx[rx]), TOps.Broadcast(wx[rx - 1]), rx >= 2 ? TOps.Broadcast(wx[rx - 2]) : default, rx >= 3 ? TOps.Broadcast(wx[rx - 3]) : default,
            TOps.Broadcast(wy[r]), TOps.Broadcast(wy[r - 1]), r >= 2 ? TOps.Broadcast(wy[r - 2]) : default, r >= 3 ? TOps.Broadcast(wy[r - 3]) : default,
            TOps.Broadcast(rounding), TOps.Broadcast(lowMask), TOps.Broadcast(fractionMask));
        var geometry = new Geometry(channels, sourceStride, destinationStride, rows, shift, count, splitBits);
        if (splitBits > 0)
        {
            WalkSplit<TOps, TVector>(ref source, ref destination, weights, geometry);
            return;
        }

        // Two vectors side by side while they fit (radius up to 2; radius 3 would not fit the registers): two
        // independent windows for the core to work on, as in generated kernels. Each walk is its own method, which
        // keeps both within the JIT's inlining budget.
        nint at = r <= 2 ? WalkPairs<TOps, TVector>(ref source, ref destination, weights, geometry) : 0;
        if (at < count)
        {
            WalkSingles<TOps, TVector>(ref source, ref destination, weights, geometry, at);
        }
    }

    /// <summary>The weights as vectors: horizontal centre, then 1 to 3 taps out; the same vertically; the rounding constants.</summary>
    private readonly record struct Weights<TVector>(
        TVector Xc, TVector X1, TVector X2, TVector X3, TVector Yc, TVector Y1, TVector Y2, TVector Y3, TVector Half, TVector LowMask, TVector FractionMask);

    private readonly record struct Geometry(nint Channels, nint SourceStride, nint DestinationStride, int Rows, int Shift, int Count, int Split);

    /// <summary>
    /// Walks down one vector at a time with split sums: each filtered row enters as its high and low halves, each half
    /// has its own window and column sum, and the two are recombined without overflowing a lane (see
    /// <see cref="SplitColumnPass{T, TOut, TMode}"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkSplit<TOps, TVector>(ref TSrc source, ref TSrc destination, in Weights<TVector> w, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector xc = w.Xc, x1 = w.X1, x2 = w.X2, x3 = w.X3, yc = w.Yc, y1 = w.Y1, y2 = w.Y2, y3 = w.Y3;
        TVector half = w.Half, lowMask = w.LowMask, fractionMask = w.FractionMask;
        nint c = g.Channels, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, t = g.Shift, d = g.Split, count = g.Count, r = TRadiusY.Value;
        for (nint at = 0; at >= 0; at = VectorLoop.Next(at, TOps.Count, count))
        {
            // High halves h0 .. h5 and low halves l0 .. l5 of the window, top first.
            TVector s0 = RowAhead<TOps, TVector>(ref source, at, c, 1, xc, x1, x2, x3), s1 = RowAhead<TOps, TVector>(ref source, stride + at, c, 1, xc, x1, x2, x3);
            TVector s2 = r >= 2 ? RowAhead<TOps, TVector>(ref source, 2 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector s3 = r >= 2 ? RowAhead<TOps, TVector>(ref source, 3 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector s4 = r >= 3 ? RowAhead<TOps, TVector>(ref source, 4 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector s5 = r >= 3 ? RowAhead<TOps, TVector>(ref source, 5 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector h0 = TOps.ShiftRightLogical(s0, d), h1 = TOps.ShiftRightLogical(s1, d), h2 = TOps.ShiftRightLogical(s2, d);
            TVector h3 = TOps.ShiftRightLogical(s3, d), h4 = TOps.ShiftRightLogical(s4, d), h5 = TOps.ShiftRightLogical(s5, d);
            TVector l0 = TOps.And(s0, lowMask), l1 = TOps.And(s1, lowMask), l2 = TOps.And(s2, lowMask);
            TVector l3 = TOps.And(s3, lowMask), l4 = TOps.And(s4, lowMask), l5 = TOps.And(s5, lowMask);
            nint below = 2 * r * stride + at;
            for (nint row = 0; row < height; row++, below += stride)
            {
                TVector entering = RowAhead<TOps, TVector>(ref source, below, c, 1, xc, x1, x2, x3);
                TVector high = TOps.ShiftRightLogical(entering, d), low = TOps.And(entering, lowMask);
                TVector highSum = Column<TOps, TVector>(yc, y1, y2, y3, h0, h1, h2, h3, h4, h5, high);
                TVector lowSum = Column<TOps, TVector>(yc, y1, y2, y3, l0, l1, l2, l3, l4, l5, low);
                TOps.Store(SplitSums.Combine<TOps, TVector, T>(highSum, lowSum, fractionMask, half, d, t), ref destination, row * outputStride + at);
                if (r == 1)
                {
                    (h0, h1, l0, l1) = (h1, high, l1, low);
                }
                else if (r == 2)
                {
                    (h0, h1, h2, h3, l0, l1, l2, l3) = (h1, h2, h3, high, l1, l2, l3, low);
                }
                else
                {
                    (h0, h1, h2, h3, h4, h5) = (h1, h2, h3, h4, h5, high);
                    (l0, l1, l2, l3, l4, l5) = (l1, l2, l3, l4, l5, low);
                }
            }
        }
    }

    /// <summary>Walks down two vectors at a time, [0, the last whole pair); returns where it stopped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint WalkPairs<TOps, TVector>(ref TSrc source, ref TSrc destination, in Weights<TVector> w, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        // Copied to locals, which the JIT keeps in registers; a struct of vectors it would keep in memory.
        TVector xc = w.Xc, x1 = w.X1, x2 = w.X2, x3 = w.X3, yc = w.Yc, y1 = w.Y1, y2 = w.Y2, y3 = w.Y3, half = w.Half;
        nint c = g.Channels, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, r = TRadiusY.Value;
        nint at = 0;
        for (; at <= count - 2 * TOps.Count; at += 2 * TOps.Count)
        {
            nint bt = at + TOps.Count;
            TVector a0 = RowAhead<TOps, TVector>(ref source, at, c, 2, xc, x1, x2, x3), b0 = Row<TOps, TVector>(ref source, bt, c, xc, x1, x2, x3);
            TVector a1 = RowAhead<TOps, TVector>(ref source, stride + at, c, 2, xc, x1, x2, x3), b1 = Row<TOps, TVector>(ref source, stride + bt, c, xc, x1, x2, x3);
            TVector a2 = r >= 2 ? RowAhead<TOps, TVector>(ref source, 2 * stride + at, c, 2, xc, x1, x2, x3) : default;
            TVector b2 = r >= 2 ? Row<TOps, TVector>(ref source, 2 * stride + bt, c, xc, x1, x2, x3) : default;
            TVector a3 = r >= 2 ? RowAhead<TOps, TVector>(ref source, 3 * stride + at, c, 2, xc, x1, x2, x3) : default;
            TVector b3 = r >= 2 ? Row<TOps, TVector>(ref source, 3 * stride + bt, c, xc, x1, x2, x3) : default;
            nint below = 2 * r * stride;
            for (nint row = 0; row < height; row++, below += stride)
            {
                TVector a = RowAhead<TOps, TVector>(ref source, below + at, c, 2, xc, x1, x2, x3), b = Row<TOps, TVector>(ref source, below + bt, c, xc, x1, x2, x3);
                TVector sumA = Column<TOps, TVector>(yc, y1, y2, y3, a0, a1, a2, a3, default, default, a);
                TVector sumB = Column<TOps, TVector>(yc, y1, y2, y3, b0, b1, b2, b3, default, default, b);
                TOps.Store(Round<TOps, TVector>(sumA, half, bits), ref destination, row * outputStride + at, TMode.NonTemporal);
                TOps.Store(Round<TOps, TVector>(sumB, half, bits), ref destination, row * outputStride + bt, TMode.NonTemporal);
                if (r == 1)
                {
                    (a0, a1, b0, b1) = (a1, a, b1, b);
                }
                else
                {
                    (a0, a1, a2, a3, b0, b1, b2, b3) = (a1, a2, a3, a, b1, b2, b3, b);
                }
            }
        }

        return at;
    }

    /// <summary>Walks down one vector at a time from <paramref name="at"/>, the last one moved back to end at the row's end.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkSingles<TOps, TVector>(ref TSrc source, ref TSrc destination, in Weights<TVector> w, in Geometry g, nint at)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector xc = w.Xc, x1 = w.X1, x2 = w.X2, x3 = w.X3, yc = w.Yc, y1 = w.Y1, y2 = w.Y2, y3 = w.Y3, half = w.Half;
        nint c = g.Channels, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, r = TRadiusY.Value;
        for (at = VectorLoop.TailStart(at, TOps.Count, count); at >= 0; at = VectorLoop.Next(at, TOps.Count, count))
        {
            // The window: filtered rows v0 (top) to v5; each output row adds the row entering at the bottom.
            TVector v0 = RowAhead<TOps, TVector>(ref source, at, c, 1, xc, x1, x2, x3);
            TVector v1 = RowAhead<TOps, TVector>(ref source, stride + at, c, 1, xc, x1, x2, x3);
            TVector v2 = r >= 2 ? RowAhead<TOps, TVector>(ref source, 2 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector v3 = r >= 2 ? RowAhead<TOps, TVector>(ref source, 3 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector v4 = r >= 3 ? RowAhead<TOps, TVector>(ref source, 4 * stride + at, c, 1, xc, x1, x2, x3) : default;
            TVector v5 = r >= 3 ? RowAhead<TOps, TVector>(ref source, 5 * stride + at, c, 1, xc, x1, x2, x3) : default;
            nint below = 2 * r * stride + at;
            for (nint row = 0; row < height; row++, below += stride)
            {
                TVector entering = RowAhead<TOps, TVector>(ref source, below, c, 1, xc, x1, x2, x3);
                TVector sum = Column<TOps, TVector>(yc, y1, y2, y3, v0, v1, v2, v3, v4, v5, entering);
                TOps.Store(Round<TOps, TVector>(sum, half, bits), ref destination, row * outputStride + at, TMode.NonTemporal);
                if (r == 1)
                {
                    (v0, v1) = (v1, entering);
                }
                else if (r == 2)
                {
                    (v0, v1, v2, v3) = (v1, v2, v3, entering);
                }
                else
                {
                    (v0, v1, v2, v3, v4, v5) = (v1, v2, v3, v4, v5, entering);
                }
            }
        }
    }

    /// <summary>
    /// The vertical sum of the window <paramref name="v0"/> (top) to <paramref name="entering"/> (bottom) of 2r + 1
    /// filtered rows: v0 .. v(2r - 1), then the entering row; the rest unused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Column<TOps, TVector>(
        TVector centre, TVector d1, TVector d2, TVector d3, TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector entering)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        int r = TRadiusY.Value;
        if (r == 1)
        {
            return TOps.Add(TOps.Multiply(centre, v1), TOps.Multiply(d1, TOps.Add(v0, entering)));
        }

        if (r == 2)
        {
            TVector two = TOps.Add(TOps.Multiply(centre, v2), TOps.Multiply(d1, TOps.Add(v1, v3)));
            return TOps.Add(two, TOps.Multiply(d2, TOps.Add(v0, entering)));
        }

        TVector sum = TOps.Add(TOps.Multiply(centre, v3), TOps.Multiply(d1, TOps.Add(v2, v4)));
        sum = TOps.Add(sum, TOps.Multiply(d2, TOps.Add(v1, v5)));
        return TOps.Add(sum, TOps.Multiply(d3, TOps.Add(v0, entering)));
    }

    /// <summary>Integer sums rounded and shifted back (<paramref name="bits"/> &gt; 0); float sums as they are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Round<TOps, TVector>(TVector sum, TVector half, int bits)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        bits > 0 ? TOps.ShiftRightLogical(TOps.Add(sum, half), bits) : sum;

    /// <summary>
    /// <see cref="Row{TOps, TVector}"/> for the first vector of a step <paramref name="columns"/> vectors wide, with the
    /// hint for the lines of a step to come in this row (<see cref="WalkPrefetch"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector RowAhead<TOps, TVector>(ref TSrc source, nint at, nint c, int columns, TVector centre, TVector d1, TVector d2, TVector d3)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        WalkPrefetch.Ahead(ref source, at + columns * TOps.Count + 2 * TRadiusX.Value * c, columns * TOps.Count * Unsafe.SizeOf<TSrc>());
        return Row<TOps, TVector>(ref source, at, c, centre, d1, d2, d3);
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

/// <summary>The runtime kernels' <see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>: checks, then runs <see cref="FusedDotPass{T, TSrc, TRadiusX, TRadiusY, TMode}"/> for the radii and the store mode.</summary>
internal static class FusedKernels
{
    /// <summary>
    /// Kernels with a fused pass: radii of 1 to 3, which keep the window of rows and every weight in registers (the
    /// radius is a type argument, so each one is its own compiled loop).
    /// </summary>
    public static bool Fits(int radiusX, int radiusY) => radiusX is >= 1 and <= 3 && radiusY is >= 1 and <= 3;

    public static void Run<T, TSrc>(
        ReadOnlySpan<TSrc> source, int sourceStride, int channels, T[] weightsX, T[] weightsY, Span<TSrc> destination, int destinationStride,
        int rows, int count, bool nonTemporal, T rounding, int shift, int splitBits = 0, T lowMask = default, T fractionMask = default)
        where T : unmanaged
        where TSrc : unmanaged
    {
        int radiusY = weightsY.Length - 1;
        KernelBounds.CheckFused(source.Length, sourceStride, channels, 2 * weightsX.Length - 1, 2 * radiusY + 1, destination.Length, destinationStride, rows, count);
        ReadOnlySpan<nint> taps = default; // the pass computes its taps from the channel count
        ref TSrc input = ref MemoryMarshal.GetReference(source);
        ref TSrc output = ref MemoryMarshal.GetReference(destination);
        var arguments = new Arguments<T>(weightsX, weightsY, channels, sourceStride, destinationStride, rows, rounding, shift, splitBits, lowMask, fractionMask);
        if (nonTemporal)
        {
            WithStoreMode<T, TSrc, NonTemporalStores>(arguments, ref input, taps, ref output, count);
        }
        else
        {
            WithStoreMode<T, TSrc, CachedStores>(arguments, ref input, taps, ref output, count);
        }
    }

    private readonly record struct Arguments<T>(
        T[] WeightsX, T[] WeightsY, int Channels, int SourceStride, int DestinationStride, int Rows, T Rounding, int Shift, int SplitBits, T LowMask, T FractionMask);

    private static void WithStoreMode<T, TSrc, TMode>(in Arguments<T> a, ref TSrc input, ReadOnlySpan<nint> taps, ref TSrc output, int count)
        where T : unmanaged
        where TSrc : unmanaged
        where TMode : struct, IStoreMode
    {
        switch (a.WeightsX.Length - 1)
        {
            case 1:
                WithRadiusX<T, TSrc, RadiusOne, TMode>(a, ref input, taps, ref output, count);
                break;
            case 2:
                WithRadiusX<T, TSrc, RadiusTwo, TMode>(a, ref input, taps, ref output, count);
                break;
            default:
                WithRadiusX<T, TSrc, RadiusThree, TMode>(a, ref input, taps, ref output, count);
                break;
        }
    }

    private static void WithRadiusX<T, TSrc, TRadiusX, TMode>(in Arguments<T> a, ref TSrc input, ReadOnlySpan<nint> taps, ref TSrc output, int count)
        where T : unmanaged
        where TSrc : unmanaged
        where TRadiusX : struct, IKernelRadius
        where TMode : struct, IStoreMode
    {
        switch (a.WeightsY.Length - 1)
        {
            case 1:
                PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, RadiusOne, TMode>>(
                    new(a.WeightsX, a.WeightsY, a.Channels, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift, a.SplitBits, a.LowMask, a.FractionMask), ref input, taps, ref output, count);
                break;
            case 2:
                PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, RadiusTwo, TMode>>(
                    new(a.WeightsX, a.WeightsY, a.Channels, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift, a.SplitBits, a.LowMask, a.FractionMask), ref input, taps, ref output, count);
                break;
            default:
                PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, RadiusThree, TMode>>(
                    new(a.WeightsX, a.WeightsY, a.Channels, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift, a.SplitBits, a.LowMask, a.FractionMask), ref input, taps, ref output, count);
                break;
        }
    }
}
