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

internal readonly struct RadiusFour : IKernelRadius
{
    public static int Value => 4;
}

internal readonly struct RadiusFive : IKernelRadius
{
    public static int Value => 5;
}

internal readonly struct RadiusSix : IKernelRadius
{
    public static int Value => 6;
}

/// <summary>
/// Whether the outermost weights of both axes are 1, as in the reduced fixed-point kernels of OpenCV's table sizes
/// ([1, 2, 1], [1, 4, 6, 4, 1]): a type argument of the fused pass, which then adds the outermost pairs without
/// multiplying them, for the same integer sums. Measured on Zen 1 (AVX2), 1920x1080, runtime engine, min of 3 with
/// builds alternating: 16UC1 3x3 2088 to 1548 µs.
/// </summary>
internal interface IOuterWeights
{
    static abstract bool AreOne { get; }
}

/// <summary>Both outermost weights are 1 (<see cref="IOuterWeights"/>).</summary>
internal readonly struct OuterWeightsOne : IOuterWeights
{
    public static bool AreOne => true;
}

/// <summary>Outermost weights as they come (<see cref="IOuterWeights"/>).</summary>
internal readonly struct OuterWeightsAny : IOuterWeights
{
    public static bool AreOne => false;
}

/// <summary>
/// The runtime kernels' fused pass (<see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>): for one vector of lanes at a
/// time (two for vertical radii up to 2, and up to 4 where the hardware has 32 vector registers) it walks down the
/// rows, filters each source row horizontally once and keeps the last 2 * <typeparamref name="TRadiusY"/> filtered rows
/// in registers for the column sum; the walk starts that many rows above the first output row, which only fill the
/// window. Both radii (1 to 6) are type arguments and every weight is a register, as in a generated kernel. Both sums
/// are computed in <see cref="SymmetricDot"/>'s order (centre first, then mirrored pairs outwards), so the result
/// equals the row and column passes bit for bit; integer sums are rounded and
/// shifted back (<paramref name="shift"/> &gt; 0) as <see cref="RoundingShiftPass{T, TOut, TMode}"/> does, or, where they
/// would overflow a lane (<paramref name="splitBits"/> &gt; 0), split and recombined as <see cref="SplitRowPass{T, TIn}"/>
/// and <see cref="SplitColumnPass{T, TOut, TMode}"/> do, with a window for each half (8-bit sums on x86: one window,
/// summed exactly in 32 bits instead, <paramref name="wide"/>). Stores are plain or streamed as
/// <typeparamref name="TMode"/> says (split sums are narrowed, so never streamed). <typeparamref name="TOuter"/> says
/// whether the outermost pairs of taps need multiplying.
/// </summary>
/// <param name="weightsX">The horizontal kernel's distinct weights, outermost first, centre last: <typeparamref name="TRadiusX"/> + 1 of them.</param>
/// <param name="weightsY">The vertical kernel's distinct weights: <typeparamref name="TRadiusY"/> + 1 of them.</param>
/// <param name="sourceStride">Elements from one source row to the next.</param>
/// <param name="destinationStride">Elements from one output row to the next.</param>
/// <param name="rows">Output rows.</param>
/// <param name="rounding">Added to integer sums before the shift (split sums: to the fraction, 2^(shift - 1)).</param>
/// <param name="shift">The final right shift of integer sums (split sums: the fraction's, t); 0 for float sums, which are stored as they are.</param>
/// <param name="splitBits">For split sums, the bits of image data where they are split; else 0.</param>
/// <param name="lowMask">For split sums, 2^splitBits - 1.</param>
/// <param name="fractionMask">For split sums, 2^shift - 1.</param>
/// <param name="wide">For split 8-bit sums, how to sum them exactly in 32 bits instead where the hardware can (<see cref="WalkWide"/>); else null.</param>
internal readonly partial struct FusedDotPass<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, TOuter>(
    T[] weightsX, T[] weightsY, int sourceStride, int destinationStride, int rows, T rounding, int shift, int splitBits, T lowMask, T fractionMask,
    WideColumnSums? wide)
    : IConvolutionPass<T, TSrc, TSrc>
    where T : unmanaged
    where TSrc : unmanaged
    where TRadiusX : struct, IKernelRadius
    where TRadiusY : struct, IKernelRadius
    where TChannels : struct, IChannelCount
    where TMode : struct, IStoreMode
    where TOuter : struct, IOuterWeights
{
    public void Run<TOps, TVector, TTaps>(ref TSrc source, ReadOnlySpan<nint> taps, ref TSrc destination, int count) // no taps: the radii and channel count place them
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTaps : struct, ITapLayout
    {
        var x = AxisWeights<TVector>.Create<TOps, T>(weightsX, TRadiusX.Value);
        var y = AxisWeights<TVector>.Create<TOps, T>(weightsY, TRadiusY.Value);
        var constants = new Constants<TVector>(TOps.Broadcast(rounding), TOps.Broadcast(lowMask), TOps.Broadcast(fractionMask));
        var geometry = new Geometry(sourceStride, destinationStride, rows, shift, count, splitBits);
        if (splitBits > 0 && wide is { } sums && TOps.HasWideSums)
        {
            if (HasWideBytePairs && TOps.HasThirtyTwoRegisters && count >= 2 * TOps.Count)
            {
                ref byte from = ref Unsafe.As<TSrc, byte>(ref source);
                ref byte to = ref Unsafe.As<TSrc, byte>(ref destination);
                if (sums.Pairs)
                {
                    WalkWideBytePairs<TOps, TVector, MirroredPairs>(ref from, ref to, PairWeights<TVector>.Create<TOps>(weightsX), WideWeights<TVector>.Create<TOps, MirroredPairs>(weightsY), sums, geometry);
                }
                else
                {
                    WalkWideBytePairs<TOps, TVector, SingleRows>(ref from, ref to, PairWeights<TVector>.Create<TOps>(weightsX), WideWeights<TVector>.Create<TOps, SingleRows>(weightsY), sums, geometry);
                }

                return;
            }

            if (sums.Pairs)
            {
                WalkWide<TOps, TVector, MirroredPairs>(ref source, ref destination, x, WideWeights<TVector>.Create<TOps, MirroredPairs>(weightsY), sums, geometry);
            }
            else
            {
                WalkWide<TOps, TVector, SingleRows>(ref source, ref destination, x, WideWeights<TVector>.Create<TOps, SingleRows>(weightsY), sums, geometry);
            }

            return;
        }

        if (splitBits > 0)
        {
            WalkSplit<TOps, TVector>(ref source, ref destination, x, y, constants, geometry);
            return;
        }

        if (HasBytePairs && count >= 2 * TOps.Count)
        {
            ref byte from = ref Unsafe.As<TSrc, byte>(ref source);
            ref byte to = ref Unsafe.As<TSrc, byte>(ref destination);
            var pairWeights = PairWeights<TVector>.Create<TOps>(weightsX);
            nint done = TRadiusY.Value == 1 && TOps.HasThirtyTwoRegisters ? WalkTwoBytePairs<TOps, TVector>(ref from, ref to, pairWeights, y, constants, geometry) : 0;
            WalkBytePairs<TOps, TVector>(ref from, ref to, pairWeights, y, constants, geometry, done);
            return;
        }

        // Several vectors side by side while they fit (four for radius 1, two for radius 2, and with 32 registers two up
        // to the windows that fit them): independent windows for the core to work on, as in generated kernels. Each walk
        // is its own method, which keeps each within the JIT's inlining budget.
        nint at = TRadiusY.Value == 1 ? WalkQuads<TOps, TVector>(ref source, ref destination, x, y, constants, geometry) : 0;
        at += TwoWindowsFit<TOps, TVector>() && at <= count - 2 * TOps.Count ? WalkPairs<TOps, TVector>(ref Unsafe.Add(ref source, at), ref Unsafe.Add(ref destination, at), x, y, constants, geometry with { Count = count - (int)at }) : 0;
        if (at < count)
        {
            WalkSingles<TOps, TVector>(ref source, ref destination, x, y, constants, geometry, at);
        }
    }

    /// <summary>One axis's weights as vectors: the centre, then 1 to 6 taps out (default beyond the radius).</summary>
    private readonly record struct AxisWeights<TVector>(TVector C, TVector W1, TVector W2, TVector W3, TVector W4, TVector W5, TVector W6)
        where TVector : struct
    {
        public static AxisWeights<TVector> Create<TOps, TLane>(TLane[] weights, int radius)
            where TOps : struct, IVectorOps<TVector, TLane>
            where TLane : unmanaged
        {
            return new(Out(0), Out(1), Out(2), Out(3), Out(4), Out(5), Out(6));

            TVector Out(int d) => d <= radius ? TOps.Broadcast(weights[radius - d]) : default;
        }
    }

    /// <summary>The rounding constants: 2^(shift - 1), and for split sums the masks of the low half and of the fraction.</summary>
    private readonly record struct Constants<TVector>(TVector Half, TVector LowMask, TVector FractionMask);

    private readonly record struct Geometry(nint SourceStride, nint DestinationStride, int Rows, int Shift, int Count, int Split);

    /// <summary>
    /// Walks down one vector at a time with split sums: each filtered row enters as its high and low halves, each half
    /// has its own window and column sum, and the two are recombined without overflowing a lane (see
    /// <see cref="SplitColumnPass{T, TOut, TMode}"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkSplit<TOps, TVector>(
        ref TSrc source, ref TSrc destination, in AxisWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        // Copied to locals, which the JIT keeps in registers; a struct of vectors it would keep in memory.
        TVector xc = wx.C, x1 = wx.W1, x2 = wx.W2, x3 = wx.W3, x4 = wx.W4, x5 = wx.W5, x6 = wx.W6;
        TVector yc = wy.C, y1 = wy.W1, y2 = wy.W2, y3 = wy.W3, y4 = wy.W4, y5 = wy.W5, y6 = wy.W6;
        TVector half = k.Half, lowMask = k.LowMask, fractionMask = k.FractionMask;
        nint c = TChannels.Value, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, t = g.Shift, d = g.Split, count = g.Count, r = TRadiusY.Value;
        for (nint at = 0; at >= 0; at = VectorLoop.Next(at, TOps.Count, count))
        {
            // High halves h0 (top) .. h11 and low halves l0 .. l11 of the window; radius r uses the first 2r of each.
            TVector h0 = default, h1 = default, h2 = default, h3 = default, h4 = default, h5 = default;
            TVector h6 = default, h7 = default, h8 = default, h9 = default, h10 = default, h11 = default;
            TVector l0 = default, l1 = default, l2 = default, l3 = default, l4 = default, l5 = default;
            TVector l6 = default, l7 = default, l8 = default, l9 = default, l10 = default, l11 = default;
            nint below = at;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                TVector entering = RowAhead<TOps, TVector>(ref source, below, c, 1, xc, x1, x2, x3, x4, x5, x6);
                TVector high = TOps.ShiftRightLogical(entering, d), low = TOps.And(entering, lowMask);
                if (row >= 0)
                {
                    TVector highSum = Column<TOps, TVector>(yc, y1, y2, y3, y4, y5, y6, h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, high);
                    TVector lowSum = Column<TOps, TVector>(yc, y1, y2, y3, y4, y5, y6, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, low);
                    OutputAhead<TOps, TVector>(ref destination, row * outputStride + at, 1);
                    TOps.Store(SplitSums.Combine<TOps, TVector, T>(highSum, lowSum, fractionMask, half, d, t), ref destination, row * outputStride + at);
                }

                // The window moves down a row; the row entering becomes row 2r - 1 (a constant choice, folded away).
                (h0, h1, h2, h3, h4, h5) = (h1, r == 1 ? high : h2, h3, r == 2 ? high : h4, h5, r == 3 ? high : h6);
                (h6, h7, h8, h9, h10, h11) = (h7, r == 4 ? high : h8, h9, r == 5 ? high : h10, h11, high);
                (l0, l1, l2, l3, l4, l5) = (l1, r == 1 ? low : l2, l3, r == 2 ? low : l4, l5, r == 3 ? low : l6);
                (l6, l7, l8, l9, l10, l11) = (l7, r == 4 ? low : l8, l9, r == 5 ? low : l10, l11, low);
            }
        }
    }

    /// <summary>
    /// Walks down one vector at a time with 8-bit split sums summed exactly in 32 bits (<see cref="WideColumnSums"/>):
    /// the terms of the column (<see cref="WideTerm"/>) are weighted two at a time into the wide sums of the lower and
    /// upper lanes, which are rounded, shifted and narrowed back. Measured at 1920x1080 on Zen 1 (AVX2), alternating
    /// builds, min of 2 runs, before (split sums, or the ring where their two windows did not fit 16 registers) / wide:
    /// 8UC1 7x7 2792 / 2228 µs, 5x5 sigma 1.2 2107 / 1870, 11x11 4721 / 4132; 8UC3 7x7 7885 / 6246, 9x9 12575 / 9313,
    /// 13x13 sigma 2 16280 / 13091; 8UC4 7x7 10695 / 8411.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkWide<TOps, TVector, TTerms>(
        ref TSrc source, ref TSrc destination, in AxisWeights<TVector> wx, in WideWeights<TVector> wy, WideColumnSums sums, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTerms : struct, IWideTerms
    {
        TVector xc = wx.C, x1 = wx.W1, x2 = wx.W2, x3 = wx.W3, x4 = wx.W4, x5 = wx.W5, x6 = wx.W6;
        TVector p0 = wy.P0, p1 = wy.P1, p2 = wy.P2, p3 = wy.P3, p4 = wy.P4, p5 = wy.P5, p6 = wy.P6;
        TVector start = TOps.WideBroadcast(sums.Start), flip = TOps.Broadcast(Unsafe.BitCast<ushort, T>(sums.RowBias));
        nint c = TChannels.Value, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, shift = sums.Shift, count = g.Count, r = TRadiusY.Value;
        for (nint at = 0; at >= 0; at = VectorLoop.Next(at, TOps.Count, count))
        {
            // The window: filtered rows v0 (top) .. v11, offset where sums.Offset says; radius r uses the first 2r, then the row entering.
            TVector v0 = default, v1 = default, v2 = default, v3 = default, v4 = default, v5 = default;
            TVector v6 = default, v7 = default, v8 = default, v9 = default, v10 = default, v11 = default;
            nint below = at;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                TVector entering = TOps.Add(RowAhead<TOps, TVector>(ref source, below, c, 1, xc, x1, x2, x3, x4, x5, x6), flip);
                if (row >= 0)
                {
                    WideColumn<TOps, TVector, TTerms>(start, p0, p1, p2, p3, p4, p5, p6, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering, out TVector lower, out TVector upper);
                    OutputAhead<TOps, TVector>(ref destination, row * outputStride + at, 1);
                    TOps.Store(TOps.WideNarrow(lower, upper, shift), ref destination, row * outputStride + at);
                }

                (v0, v1, v2, v3, v4, v5) = (v1, r == 1 ? entering : v2, v3, r == 2 ? entering : v4, v5, r == 3 ? entering : v6);
                (v6, v7, v8, v9, v10, v11) = (v7, r == 4 ? entering : v8, v9, r == 5 ? entering : v10, v11, entering);
            }
        }
    }

    /// <summary>
    /// The wide sums of a column (<see cref="WideColumnSums"/>) of the window <paramref name="v0"/> ..
    /// <paramref name="entering"/>: <paramref name="start"/> plus every group of two terms weighted by its pair
    /// (<see cref="WideWeights{TVector}"/>), for the lower and the upper lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WideColumn<TOps, TVector, TTerms>(
        TVector start, TVector p0, TVector p1, TVector p2, TVector p3, TVector p4, TVector p5, TVector p6,
        TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector v6, TVector v7, TVector v8, TVector v9, TVector v10, TVector v11,
        TVector entering, out TVector lower, out TVector upper)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTerms : struct, IWideTerms
    {
        lower = start;
        upper = start;
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 0, p0, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 1, p1, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 2, p2, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 3, p3, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 4, p4, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 5, p5, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        WideGroup<TOps, TVector, TTerms>(ref lower, ref upper, 6, p6, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
    }

    /// <summary>
    /// Adds terms 2 * <paramref name="group"/> and 2 * <paramref name="group"/> + 1 of the column, weighted by
    /// <paramref name="weights"/>, to the wide sums; nothing for a group past the column's last (a constant test).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WideGroup<TOps, TVector, TTerms>(
        ref TVector lower, ref TVector upper, int group, TVector weights,
        TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector v6, TVector v7, TVector v8, TVector v9, TVector v10, TVector v11,
        TVector entering)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTerms : struct, IWideTerms
    {
        if (group >= WideWeights<TVector>.Groups<TTerms>(TRadiusY.Value))
        {
            return;
        }

        TVector first = WideTerm<TOps, TVector, TTerms>(2 * group, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        TVector second = WideTerm<TOps, TVector, TTerms>(2 * group + 1, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
        lower = TOps.WideMultiplyAddLower(lower, first, second, weights);
        upper = TOps.WideMultiplyAddUpper(upper, first, second, weights);
    }

    /// <summary>
    /// Term <paramref name="i"/> of a wide column sum (zero past the last): with <see cref="MirroredPairs"/>, rows i and
    /// 2r - i added for i &lt; r, then the centre row; with <see cref="SingleRows"/>, row i. Row 2r is the one entering.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector WideTerm<TOps, TVector, TTerms>(
        int i, TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector v6, TVector v7, TVector v8, TVector v9, TVector v10, TVector v11,
        TVector entering)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTerms : struct, IWideTerms
    {
        int r = TRadiusY.Value;
        if (TTerms.Pairs)
        {
            return i < r ? TOps.Add(WindowRow(i, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering), WindowRow(2 * r - i, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering))
                : i == r ? WindowRow(r, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering)
                : default;
        }

        return i <= 2 * r ? WindowRow(i, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering) : default;
    }

    /// <summary>Row <paramref name="j"/> (0 at the top) of a window of 2r + 1 rows: v0 .. v(2r - 1), then the entering row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector WindowRow<TVector>(
        int j, TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector v6, TVector v7, TVector v8, TVector v9, TVector v10, TVector v11,
        TVector entering)
        where TVector : struct =>
        j == 2 * TRadiusY.Value ? entering : j switch
        {
            0 => v0,
            1 => v1,
            2 => v2,
            3 => v3,
            4 => v4,
            5 => v5,
            6 => v6,
            7 => v7,
            8 => v8,
            9 => v9,
            10 => v10,
            _ => v11,
        };

    /// <summary>
    /// The weights of a wide column sum as pairs (<see cref="IVectorOps{TVector, T}.WideMultiplyAddLower"/>): group k
    /// holds the weights of terms 2k and 2k + 1 (<see cref="WideTerm"/>), zero past the last term.
    /// </summary>
    private readonly record struct WideWeights<TVector>(TVector P0, TVector P1, TVector P2, TVector P3, TVector P4, TVector P5, TVector P6)
        where TVector : struct
    {
        /// <summary>Groups of two terms a column of radius <paramref name="r"/> has.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // a constant in WideGroup, which must fold away the groups it does not have
        public static int Groups<TTerms>(int r)
            where TTerms : struct, IWideTerms =>
            (Terms<TTerms>(r) + 1) / 2;

        public static WideWeights<TVector> Create<TOps, TTerms>(T[] weights)
            where TOps : struct, IVectorOps<TVector, T>
            where TTerms : struct, IWideTerms
        {
            int r = weights.Length - 1;
            return new(Pair(0), Pair(1), Pair(2), Pair(3), Pair(4), Pair(5), Pair(6));

            TVector Pair(int k) => TOps.WideBroadcast((Weight(2 * k + 1) << 16) | Weight(2 * k));

            // Weights are folded outermost first, centre last; single rows run top to bottom.
            int Weight(int i) =>
                i >= Terms<TTerms>(r) ? 0
                : Unsafe.BitCast<T, ushort>(weights[TTerms.Pairs || i <= r ? i : 2 * r - i]); // wide sums have 16-bit lanes
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Terms<TTerms>(int r)
            where TTerms : struct, IWideTerms =>
            TTerms.Pairs ? r + 1 : 2 * r + 1;
    }

    /// <summary>Walks down four vectors at a time (vertical radius 1), [0, the last whole four); returns where it stopped.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint WalkQuads<TOps, TVector>(
        ref TSrc source, ref TSrc destination, in AxisWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector xc = wx.C, x1 = wx.W1, x2 = wx.W2, x3 = wx.W3, x4 = wx.W4, x5 = wx.W5, x6 = wx.W6;
        TVector yc = wy.C, y1 = wy.W1, half = k.Half;
        nint c = TChannels.Value, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count;
        nint at = 0;
        for (; at <= count - 4 * TOps.Count; at += 4 * TOps.Count)
        {
            nint bt = at + TOps.Count, ct = at + 2 * TOps.Count, dt = at + 3 * TOps.Count;
            TVector a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
            nint below = 0;
            for (nint row = -2; row < height; row++, below += stride)
            {
                TVector a = RowAhead<TOps, TVector>(ref source, below + at, c, 4, xc, x1, x2, x3, x4, x5, x6);
                TVector b = Row<TOps, TVector>(ref source, below + bt, c, xc, x1, x2, x3, x4, x5, x6);
                TVector e = Row<TOps, TVector>(ref source, below + ct, c, xc, x1, x2, x3, x4, x5, x6);
                TVector f = Row<TOps, TVector>(ref source, below + dt, c, xc, x1, x2, x3, x4, x5, x6);
                if (row >= 0)
                {
                    nint output = row * outputStride;
                    OutputAhead<TOps, TVector>(ref destination, output + at, 4);
                    TOps.Store(Round<TOps, TVector>(Outer<TOps, TVector>(TOps.Multiply(yc, a1), y1, a0, a), half, bits), ref destination, output + at, TMode.NonTemporal);
                    TOps.Store(Round<TOps, TVector>(Outer<TOps, TVector>(TOps.Multiply(yc, b1), y1, b0, b), half, bits), ref destination, output + bt, TMode.NonTemporal);
                    TOps.Store(Round<TOps, TVector>(Outer<TOps, TVector>(TOps.Multiply(yc, c1), y1, c0, e), half, bits), ref destination, output + ct, TMode.NonTemporal);
                    TOps.Store(Round<TOps, TVector>(Outer<TOps, TVector>(TOps.Multiply(yc, d1), y1, d0, f), half, bits), ref destination, output + dt, TMode.NonTemporal);
                }

                (a0, a1, b0, b1, c0, c1, d0, d1) = (a1, a, b1, b, c1, e, d1, f);
            }
        }

        return at;
    }

    /// <summary>
    /// Whether two windows of 2 * <typeparamref name="TRadiusY"/> + 1 filtered rows fit the vector registers: up to
    /// vertical radius 2 everywhere; with 32 registers where they fit beside both axes' weights and a few temporaries, as
    /// generated kernels decide (the runtime keeps both axes' weights even where they are equal): vertical radii 3 and 4
    /// with horizontal radii up to 4.
    /// </summary>
    private static bool TwoWindowsFit<TOps, TVector>()
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        TRadiusY.Value <= 2 || (TOps.HasThirtyTwoRegisters && 2 * (2 * TRadiusY.Value + 1) + TRadiusX.Value + 1 + TRadiusY.Value + 1 + 3 <= 32);

    /// <summary>
    /// Walks down two vectors at a time (<see cref="TwoWindowsFit"/>), [0, the last whole pair); returns where it
    /// stopped. For radii 3 and 4 each step asks for two lines of every row instead of one: see the generator's
    /// two-vector rule for what that measured.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint WalkPairs<TOps, TVector>(
        ref TSrc source, ref TSrc destination, in AxisWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector xc = wx.C, x1 = wx.W1, x2 = wx.W2, x3 = wx.W3, x4 = wx.W4, x5 = wx.W5, x6 = wx.W6;
        TVector yc = wy.C, y1 = wy.W1, y2 = wy.W2, y3 = wy.W3, y4 = wy.W4, y5 = wy.W5, y6 = wy.W6, half = k.Half;
        nint c = TChannels.Value, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, r = TRadiusY.Value;
        nint at = 0;
        for (; at <= count - 2 * TOps.Count; at += 2 * TOps.Count)
        {
            nint bt = at + TOps.Count;
            // Two windows as in WalkSingles: filtered rows a0 (top) .. a11 and b0 .. b11, of which radius r uses the first 2r.
            TVector a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default;
            TVector a6 = default, a7 = default, a8 = default, a9 = default, a10 = default, a11 = default;
            TVector b0 = default, b1 = default, b2 = default, b3 = default, b4 = default, b5 = default;
            TVector b6 = default, b7 = default, b8 = default, b9 = default, b10 = default, b11 = default;
            nint below = 0;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                TVector a = RowAhead<TOps, TVector>(ref source, below + at, c, 2, xc, x1, x2, x3, x4, x5, x6);
                TVector b = Row<TOps, TVector>(ref source, below + bt, c, xc, x1, x2, x3, x4, x5, x6);
                if (row >= 0)
                {
                    TVector sumA = Column<TOps, TVector>(yc, y1, y2, y3, y4, y5, y6, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a);
                    TVector sumB = Column<TOps, TVector>(yc, y1, y2, y3, y4, y5, y6, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b);
                    OutputAhead<TOps, TVector>(ref destination, row * outputStride + at, 2);
                    TOps.Store(Round<TOps, TVector>(sumA, half, bits), ref destination, row * outputStride + at, TMode.NonTemporal);
                    TOps.Store(Round<TOps, TVector>(sumB, half, bits), ref destination, row * outputStride + bt, TMode.NonTemporal);
                }

                (a0, a1, a2, a3, a4, a5) = (a1, r == 1 ? a : a2, a3, r == 2 ? a : a4, a5, r == 3 ? a : a6);
                (a6, a7, a8, a9, a10, a11) = (a7, r == 4 ? a : a8, a9, r == 5 ? a : a10, a11, a);
                (b0, b1, b2, b3, b4, b5) = (b1, r == 1 ? b : b2, b3, r == 2 ? b : b4, b5, r == 3 ? b : b6);
                (b6, b7, b8, b9, b10, b11) = (b7, r == 4 ? b : b8, b9, r == 5 ? b : b10, b11, b);
            }
        }

        return at;
    }

    /// <summary>Walks down one vector at a time from <paramref name="at"/>, the last one moved back to end at the row's end.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkSingles<TOps, TVector>(
        ref TSrc source, ref TSrc destination, in AxisWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g, nint at)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector xc = wx.C, x1 = wx.W1, x2 = wx.W2, x3 = wx.W3, x4 = wx.W4, x5 = wx.W5, x6 = wx.W6;
        TVector yc = wy.C, y1 = wy.W1, y2 = wy.W2, y3 = wy.W3, y4 = wy.W4, y5 = wy.W5, y6 = wy.W6, half = k.Half;
        nint c = TChannels.Value, stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, r = TRadiusY.Value;
        for (at = VectorLoop.TailStart(at, TOps.Count, count); at >= 0; at = VectorLoop.Next(at, TOps.Count, count))
        {
            // The window: filtered rows v0 (top) .. v11; radius r uses the first 2r, then the row entering at the bottom.
            TVector v0 = default, v1 = default, v2 = default, v3 = default, v4 = default, v5 = default;
            TVector v6 = default, v7 = default, v8 = default, v9 = default, v10 = default, v11 = default;
            nint below = at;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                TVector entering = RowAhead<TOps, TVector>(ref source, below, c, 1, xc, x1, x2, x3, x4, x5, x6);
                if (row >= 0)
                {
                    TVector sum = Column<TOps, TVector>(yc, y1, y2, y3, y4, y5, y6, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, entering);
                    OutputAhead<TOps, TVector>(ref destination, row * outputStride + at, 1);
                    TOps.Store(Round<TOps, TVector>(sum, half, bits), ref destination, row * outputStride + at, TMode.NonTemporal);
                }

                (v0, v1, v2, v3, v4, v5) = (v1, r == 1 ? entering : v2, v3, r == 2 ? entering : v4, v5, r == 3 ? entering : v6);
                (v6, v7, v8, v9, v10, v11) = (v7, r == 4 ? entering : v8, v9, r == 5 ? entering : v10, v11, entering);
            }
        }
    }

    /// <summary>
    /// The vertical sum of the window <paramref name="v0"/> (top) to <paramref name="entering"/> (bottom) of 2r + 1
    /// filtered rows: v0 .. v(2r - 1), then the entering row; the rest unused.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Column<TOps, TVector>(
        TVector centre, TVector d1, TVector d2, TVector d3, TVector d4, TVector d5, TVector d6,
        TVector v0, TVector v1, TVector v2, TVector v3, TVector v4, TVector v5, TVector v6, TVector v7, TVector v8, TVector v9, TVector v10, TVector v11,
        TVector entering)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        TRadiusY.Value switch
        {
            1 => Outer<TOps, TVector>(TOps.Multiply(centre, v1), d1, v0, entering),
            2 => Outer<TOps, TVector>(Pair<TOps, TVector>(TOps.Multiply(centre, v2), d1, v1, v3), d2, v0, entering),
            3 => Outer<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(TOps.Multiply(centre, v3), d1, v2, v4), d2, v1, v5), d3, v0, entering),
            4 => Outer<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(
                TOps.Multiply(centre, v4), d1, v3, v5), d2, v2, v6), d3, v1, v7), d4, v0, entering),
            5 => Outer<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(
                TOps.Multiply(centre, v5), d1, v4, v6), d2, v3, v7), d3, v2, v8), d4, v1, v9), d5, v0, entering),
            _ => Outer<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(Pair<TOps, TVector>(
                TOps.Multiply(centre, v6), d1, v5, v7), d2, v4, v8), d3, v3, v9), d4, v2, v10), d5, v1, v11), d6, v0, entering),
        };

    /// <summary>The sum so far plus a mirrored pair times its weight: <c>sum + weight * (a + b)</c>, in that order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Pair<TOps, TVector>(TVector sum, TVector weight, TVector a, TVector b)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        TOps.Add(sum, TOps.Multiply(weight, TOps.Add(a, b)));

    /// <summary><see cref="Pair"/> for the outermost pair of an axis: without the multiply where its weight is 1 (<typeparamref name="TOuter"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Outer<TOps, TVector>(TVector sum, TVector weight, TVector a, TVector b)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        TOps.Add(sum, TOuter.AreOne ? TOps.Add(a, b) : TOps.Multiply(weight, TOps.Add(a, b)));

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
    private static TVector RowAhead<TOps, TVector>(
        ref TSrc source, nint at, nint c, int columns, TVector centre, TVector d1, TVector d2, TVector d3, TVector d4, TVector d5, TVector d6)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        WalkPrefetch.Ahead(ref source, at + columns * TOps.Count + 2 * TRadiusX.Value * c, columns * TOps.Count * Unsafe.SizeOf<TSrc>());
        return Row<TOps, TVector>(ref source, at, c, centre, d1, d2, d3, d4, d5, d6);
    }

    /// <summary>
    /// The hint for the output lines of a step to come in this output row, where stores go through the cache: each would
    /// otherwise wait for its line (streamed stores need none). <paramref name="at"/> is where this step writes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OutputAhead<TOps, TVector>(ref TSrc destination, nint at, int columns)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        if (!TMode.NonTemporal)
        {
            WalkPrefetch.Ahead(ref destination, at + columns * TOps.Count, columns * TOps.Count * Unsafe.SizeOf<TSrc>());
        }
    }

    /// <summary>
    /// The horizontal sum at lane <paramref name="at"/>: taps <paramref name="c"/> elements apart, weights <paramref name="centre"/>,
    /// then <paramref name="d1"/> to <paramref name="d6"/> for the pairs 1 to 6 taps out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Row<TOps, TVector>(ref TSrc source, nint at, nint c, TVector centre, TVector d1, TVector d2, TVector d3, TVector d4, TVector d5, TVector d6)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        int r = TRadiusX.Value;
        TVector sum = TOps.Multiply(centre, TOps.Load<TSrc>(ref source, at + r * c));
        sum = Taps<TOps, TVector>(ref source, sum, d1, at + (r - 1) * c, at + (r + 1) * c, r == 1);
        sum = r >= 2 ? Taps<TOps, TVector>(ref source, sum, d2, at + (r - 2) * c, at + (r + 2) * c, r == 2) : sum;
        sum = r >= 3 ? Taps<TOps, TVector>(ref source, sum, d3, at + (r - 3) * c, at + (r + 3) * c, r == 3) : sum;
        sum = r >= 4 ? Taps<TOps, TVector>(ref source, sum, d4, at + (r - 4) * c, at + (r + 4) * c, r == 4) : sum;
        sum = r >= 5 ? Taps<TOps, TVector>(ref source, sum, d5, at + (r - 5) * c, at + (r + 5) * c, r == 5) : sum;
        return r >= 6 ? Taps<TOps, TVector>(ref source, sum, d6, at, at + 12 * c, outermost: true) : sum;
    }

    /// <summary>
    /// The sum so far plus the two source taps at <paramref name="left"/> and <paramref name="right"/> times their weight,
    /// or for the <paramref name="outermost"/> pair as <see cref="Outer"/>. Written out here rather than calling
    /// <see cref="Pair"/> or <see cref="Outer"/>: <see cref="WalkWide"/> inlines this row sum at the edge of the JIT's
    /// inlining budget, and the calls once pushed it over (InliningTests checks).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Taps<TOps, TVector>(ref TSrc source, TVector sum, TVector weight, nint left, nint right, bool outermost)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector pair = TOps.Add(TOps.Load<TSrc>(ref source, left), TOps.Load<TSrc>(ref source, right));
        return TOps.Add(sum, outermost && TOuter.AreOne ? pair : TOps.Multiply(weight, pair));
    }
}

/// <summary>The runtime kernels' <see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>: checks, then runs <see cref="FusedDotPass{T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, TOuter}"/> for the radii, the channel count, the store mode and the outermost weights.</summary>
internal static class FusedKernels
{
    /// <summary>
    /// Kernels with a fused pass: radii of 1 to 6, which keep the window of rows and every weight in registers (the
    /// radius is a type argument, so each one is its own compiled loop), as generated kernels do up to 13 rows.
    /// </summary>
    public static bool Fits(int radiusX, int radiusY) => radiusX is >= 1 and <= 6 && radiusY is >= 1 and <= 6;

    /// <summary>
    /// The vectors of filtered rows the pass keeps in registers on x86 (<see cref="ISeparableKernel{TSrc, TRow}.FusedWindowVectors"/>):
    /// the window walks four vectors wide for radius 1 and two for radius 2, else one; split sums walk one vector wide
    /// with a window for each half, or one window where they are summed wide (<see cref="WideColumnSums"/>).
    /// </summary>
    public static int WindowVectors(int radiusY, bool split, bool wide) =>
        (2 * radiusY + 1) * (wide ? 1 : split ? 2 : radiusY == 1 ? 4 : radiusY == 2 ? 2 : 1);

    /// <summary>
    /// Whether the pass takes one-channel 8-bit images in pairs of pixels at the widest vector width
    /// (<see cref="ISeparableKernel{TSrc, TRow}.FusedBytePairs"/>; FusedDotPass.BytePairs.cs): neighbouring horizontal
    /// weights (<paramref name="weightsX"/>, reduced, outermost first) that one pmaddubsw applies exactly, radii up to
    /// <see cref="BytePairWeights.MaxRadius"/>, and for split sums wide sums with 32 registers.
    /// </summary>
    public static bool PairsPixels(int radiusX, int radiusY, bool split, int[] weightsX) =>
        BytePairWeights.NeighboursFit(weightsX) && Math.Max(radiusX, radiusY) <= BytePairWeights.MaxRadius(wide: split)
        && (!split || (Vector512Ops<ushort>.HasWideSums && Vector512Ops<ushort>.HasThirtyTwoRegisters));

    public static void Run<T, TSrc>(
        ReadOnlySpan<TSrc> source, int sourceStride, int channels, T[] weightsX, T[] weightsY, Span<TSrc> destination, int destinationStride,
        int rows, int count, bool nonTemporal, T rounding, int shift, int splitBits = 0, T lowMask = default, T fractionMask = default, WideColumnSums? wide = null)
        where T : unmanaged
        where TSrc : unmanaged
    {
        int radiusY = weightsY.Length - 1;
        KernelBounds.CheckFused(source.Length, sourceStride, channels, 2 * weightsX.Length - 1, 2 * radiusY + 1, destination.Length, destinationStride, rows, count);
        ReadOnlySpan<nint> taps = default; // the pass computes its taps from the channel count
        ref TSrc input = ref MemoryMarshal.GetReference(source);
        ref TSrc output = ref MemoryMarshal.GetReference(destination);
        var arguments = new Arguments<T>(weightsX, weightsY, channels, sourceStride, destinationStride, rows, rounding, shift, splitBits, lowMask, fractionMask, wide);
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
        T[] WeightsX, T[] WeightsY, int Channels, int SourceStride, int DestinationStride, int Rows, T Rounding, int Shift, int SplitBits, T LowMask, T FractionMask,
        WideColumnSums? Wide);

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
            case 3:
                WithRadiusX<T, TSrc, RadiusThree, TMode>(a, ref input, taps, ref output, count);
                break;
            case 4:
                WithRadiusX<T, TSrc, RadiusFour, TMode>(a, ref input, taps, ref output, count);
                break;
            case 5:
                WithRadiusX<T, TSrc, RadiusFive, TMode>(a, ref input, taps, ref output, count);
                break;
            default:
                WithRadiusX<T, TSrc, RadiusSix, TMode>(a, ref input, taps, ref output, count);
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
                WithRadii<T, TSrc, TRadiusX, RadiusOne, TMode>(a, ref input, taps, ref output, count);
                break;
            case 2:
                WithRadii<T, TSrc, TRadiusX, RadiusTwo, TMode>(a, ref input, taps, ref output, count);
                break;
            case 3:
                WithRadii<T, TSrc, TRadiusX, RadiusThree, TMode>(a, ref input, taps, ref output, count);
                break;
            case 4:
                WithRadii<T, TSrc, TRadiusX, RadiusFour, TMode>(a, ref input, taps, ref output, count);
                break;
            case 5:
                WithRadii<T, TSrc, TRadiusX, RadiusFive, TMode>(a, ref input, taps, ref output, count);
                break;
            default:
                WithRadii<T, TSrc, TRadiusX, RadiusSix, TMode>(a, ref input, taps, ref output, count);
                break;
        }
    }

    private static void WithRadii<T, TSrc, TRadiusX, TRadiusY, TMode>(in Arguments<T> a, ref TSrc input, ReadOnlySpan<nint> taps, ref TSrc output, int count)
        where T : unmanaged
        where TSrc : unmanaged
        where TRadiusX : struct, IKernelRadius
        where TRadiusY : struct, IKernelRadius
        where TMode : struct, IStoreMode
    {
        // The channel count is a type argument too, so that tap offsets are constants in addressing, as in generated
        // kernels. Measured at 1920x1080, calls alternating, min of 2 runs, channels at run time / as a type: 8UC4 3x3
        // 1007 / 864 µs, 32FC1 5x5 557 / 479; the rest alike.
        switch (a.Channels)
        {
            case 1:
                WithChannels<T, TSrc, TRadiusX, TRadiusY, OneChannel, TMode>(a, ref input, taps, ref output, count);
                break;
            case 2:
                WithChannels<T, TSrc, TRadiusX, TRadiusY, TwoChannels, TMode>(a, ref input, taps, ref output, count);
                break;
            case 3:
                WithChannels<T, TSrc, TRadiusX, TRadiusY, ThreeChannels, TMode>(a, ref input, taps, ref output, count);
                break;
            default:
                WithChannels<T, TSrc, TRadiusX, TRadiusY, FourChannels, TMode>(a, ref input, taps, ref output, count);
                break;
        }
    }

    private static void WithChannels<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode>(in Arguments<T> a, ref TSrc input, ReadOnlySpan<nint> taps, ref TSrc output, int count)
        where T : unmanaged
        where TSrc : unmanaged
        where TRadiusX : struct, IKernelRadius
        where TRadiusY : struct, IKernelRadius
        where TChannels : struct, IChannelCount
        where TMode : struct, IStoreMode
    {
        // Only integer weights can be exactly 1; float kernels never get the second instantiation.
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double) && SymmetricDot.IsOne(a.WeightsX[0]) && SymmetricDot.IsOne(a.WeightsY[0]))
        {
            WithOuterWeights<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, OuterWeightsOne>(a, ref input, taps, ref output, count);
        }
        else
        {
            WithOuterWeights<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, OuterWeightsAny>(a, ref input, taps, ref output, count);
        }
    }

    private static void WithOuterWeights<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, TOuter>(in Arguments<T> a, ref TSrc input, ReadOnlySpan<nint> taps, ref TSrc output, int count)
        where T : unmanaged
        where TSrc : unmanaged
        where TRadiusX : struct, IKernelRadius
        where TRadiusY : struct, IKernelRadius
        where TChannels : struct, IChannelCount
        where TMode : struct, IStoreMode
        where TOuter : struct, IOuterWeights =>
        PassDispatch.Run<T, TSrc, TSrc, FusedDotPass<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, TOuter>>(
            new(a.WeightsX, a.WeightsY, a.SourceStride, a.DestinationStride, a.Rows, a.Rounding, a.Shift, a.SplitBits, a.LowMask, a.FractionMask, a.Wide), ref input, taps, ref output, count);
}
