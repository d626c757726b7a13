using System;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The fused pass over one-channel 8-bit images with sums in 16-bit lanes, pixels in pairs (as generated kernels do):
/// the lanes of a load of 2 × TOps.Count bytes hold the even pixels in their low halves and the odd ones in their high
/// halves. One <see cref="IVectorOps{TVector, T}.MultiplyAddBytePairs"/> (pmaddubsw) weights both bytes of a lane and
/// adds them, so the load at byte 2q gives taps 2q and 2q + 1 of the even pixels and taps 2q - 1 and 2q of the odd
/// ones at once; the two rows of lanes are then summed down like any other, and the store puts them back together: no
/// widening loads or narrowing stores. Measured at 1920x1080 on Zen 1 (AVX2), min of 3, builds alternating, widening /
/// in pairs: 3x3 829 / 714 µs (generated 650 / 503), 5x5 1411 / 1213 (generated 1158 / 915), with the bytes split by
/// an and and a shift and weighted apart; weighting both bytes in one pmaddubsw then took 0.79-0.91x that time for
/// 3x3 and 0.87-0.89x for 5x5 (three runs, generated kernels alike). Two pairs side by side for radius 1, as
/// generated kernels do, were slower here (786 µs).
/// </summary>
internal readonly partial struct FusedDotPass<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, TOuter>
{
    /// <summary>
    /// Whether the pass runs in pairs of pixels: one-channel 8-bit images whose sums fit a lane, radii up to 2 (the
    /// pair's two windows take the place of two vectors', as in <see cref="WalkPairs"/>), and neighbouring horizontal
    /// weights that one pmaddubsw applies exactly (<see cref="BytePairWeights.Fit"/>: OpenCV's kernels of these sizes
    /// all do, as do any whose 2-D sum fits a lane but for those of one row or column).
    /// </summary>
    private bool HasBytePairs =>
        typeof(TSrc) == typeof(byte) && typeof(T) == typeof(ushort) && TChannels.Value == 1 && splitBits == 0
        && Math.Max(TRadiusX.Value, TRadiusY.Value) <= BytePairWeights.MaxRadius(wide: false) && NeighboursFit(weightsX);

    /// <summary>
    /// Whether the pass runs in pairs of pixels with 8-bit sums too wide for a lane, summed exactly in 32 bits
    /// (<see cref="WalkWideBytePairs"/>): as <see cref="HasBytePairs"/>, but for the split sums, and radii up to 4
    /// (<see cref="BytePairWeights.MaxRadius"/>; Emerald Rapids, 8UC1 7x7 runtime, 1920x1080: 611 to 420 µs; 7680x4320
    /// 13.7 to 7.7 ms).
    /// </summary>
    private bool HasWideBytePairs =>
        typeof(TSrc) == typeof(byte) && typeof(T) == typeof(ushort) && TChannels.Value == 1 && splitBits > 0
        && Math.Max(TRadiusX.Value, TRadiusY.Value) <= BytePairWeights.MaxRadius(wide: true) && NeighboursFit(weightsX);

    private static bool NeighboursFit(T[] weights)
    {
        for (int i = 0; i + 1 < weights.Length; i++)
        {
            if (!BytePairWeights.Fit(Unsafe.BitCast<T, ushort>(weights[i]), Unsafe.BitCast<T, ushort>(weights[i + 1])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The horizontal weights as <see cref="IVectorOps{TVector, T}.MultiplyAddBytePairs"/> takes them for the loads at
    /// bytes 0, 2, 4, 6 and 8: Even{q} weights taps 2q and 2q + 1 of the even pixels, Odd{q} taps 2q - 1 and 2q of the odd
    /// ones (a tap beyond the kernel weighs 0).
    /// </summary>
    private readonly record struct PairWeights<TVector>(
        TVector Even0, TVector Even1, TVector Even2, TVector Even3, TVector Even4, TVector Odd0, TVector Odd1, TVector Odd2, TVector Odd3, TVector Odd4)
        where TVector : struct
    {
        /// <param name="weights">The distinct weights, outermost first, centre last.</param>
        public static PairWeights<TVector> Create<TOps>(T[] weights)
            where TOps : struct, IVectorOps<TVector, T>
        {
            int r = weights.Length - 1;
            return new(Pair(0), Pair(2), Pair(4), Pair(6), Pair(8), Pair(-1), Pair(1), Pair(3), Pair(5), Pair(7));

            int Tap(int t) => t < 0 || t > 2 * r ? 0 : Unsafe.BitCast<T, ushort>(weights[r - Math.Abs(t - r)]);
            TVector Pair(int first) => TOps.Broadcast(Unsafe.BitCast<ushort, T>(BytePairWeights.Lane(Tap(first), Tap(first + 1))));
        }
    }

    /// <summary>
    /// Walks down two pairs of vectors at a time for vertical radius 1, as generated kernels do, [0, the last whole two
    /// pairs); returns where it stopped. Only with 32 registers: on Zen 1's 16 it was slower (786 against 714 µs, see
    /// above). Each step asks for four lines of every row instead of two, which is what images beyond the caches wait
    /// on: measured on an Intel Emerald Rapids, 7680x4320 8UC1 3x3, runtime kernel, one pair / two pairs a step, min of
    /// 5 in each of 3 processes: 3051-3293 / 2492-2588 µs (the generated kernel 2238-2438); 1920x1080 and AVX2 alike.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint WalkTwoBytePairs<TOps, TVector>(
        ref byte source, ref byte destination, in PairWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector even0 = wx.Even0, even1 = wx.Even1, even2 = wx.Even2, odd0 = wx.Odd0, odd1 = wx.Odd1, odd2 = wx.Odd2;
        TVector yc = wy.C, y1 = wy.W1, half = k.Half, lowBytes = TOps.Broadcast(Unsafe.BitCast<ushort, T>(0xFF));
        nint stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, step = 2 * TOps.Count;
        nint at = 0;
        for (; at <= count - 2 * step; at += 2 * step)
        {
            nint bt = at + step;
            // The windows of the even (e, f) and odd (o, q) pixels of the first and the second pair.
            TVector e0 = default, e1 = default, o0 = default, o1 = default, f0 = default, f1 = default, q0 = default, q1 = default;
            nint below = 0;
            for (nint row = -2; row < height; row++, below += stride)
            {
                WalkPrefetch.Ahead(ref source, below + at + 2 * step + 2 * TRadiusX.Value, 2 * step);
                RowPairs<TOps, TVector>(ref source, below + at, lowBytes, even0, even1, even2, default, default, odd0, odd1, odd2, default, default, out TVector even, out TVector odd);
                RowPairs<TOps, TVector>(ref source, below + bt, lowBytes, even0, even1, even2, default, default, odd0, odd1, odd2, default, default, out TVector evenB, out TVector oddB);
                if (row >= 0)
                {
                    nint output = row * outputStride;
                    if (!TMode.NonTemporal)
                    {
                        WalkPrefetch.Ahead(ref destination, output + at + 2 * step, 2 * step);
                    }

                    TVector sumEven = Column<TOps, TVector>(yc, y1, default, default, default, default, default, e0, e1, default, default, default, default, default, default, default, default, default, default, even);
                    TVector sumOdd = Column<TOps, TVector>(yc, y1, default, default, default, default, default, o0, o1, default, default, default, default, default, default, default, default, default, default, odd);
                    TOps.StoreBytePairs(MergePairs<TOps, TVector>(sumEven, sumOdd, half, bits), ref destination, output + at, TMode.NonTemporal);
                    sumEven = Column<TOps, TVector>(yc, y1, default, default, default, default, default, f0, f1, default, default, default, default, default, default, default, default, default, default, evenB);
                    sumOdd = Column<TOps, TVector>(yc, y1, default, default, default, default, default, q0, q1, default, default, default, default, default, default, default, default, default, default, oddB);
                    TOps.StoreBytePairs(MergePairs<TOps, TVector>(sumEven, sumOdd, half, bits), ref destination, output + bt, TMode.NonTemporal);
                }

                (e0, e1, o0, o1) = (e1, even, o1, odd);
                (f0, f1, q0, q1) = (f1, evenB, q1, oddB);
            }
        }

        return at;
    }

    /// <summary>The column sums of a pair's even and odd pixels, rounded and put back together as the pixels lie.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector MergePairs<TOps, TVector>(TVector sumEven, TVector sumOdd, TVector half, int bits)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        TOps.Add(Round<TOps, TVector>(sumEven, half, bits), TOps.ShiftLeft(Round<TOps, TVector>(sumOdd, half, bits), 8));

    /// <summary>
    /// Walks down a pair of vectors at a time from <paramref name="from"/> (where a wider walk stopped), the last pair
    /// moved back to end at the row's end.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkBytePairs<TOps, TVector>(
        ref byte source, ref byte destination, in PairWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g, nint from)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector even0 = wx.Even0, even1 = wx.Even1, even2 = wx.Even2, odd0 = wx.Odd0, odd1 = wx.Odd1, odd2 = wx.Odd2;
        TVector yc = wy.C, y1 = wy.W1, y2 = wy.W2, half = k.Half, lowBytes = TOps.Broadcast(Unsafe.BitCast<ushort, T>(0xFF));
        nint stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, r = TRadiusY.Value, step = 2 * TOps.Count;
        for (nint at = VectorLoop.TailStart(from, step, count); at >= 0; at = VectorLoop.Next(at, step, count))
        {
            // The windows of the even pixels (e) and of the odd ones (o), as in WalkPairs.
            TVector e0 = default, e1 = default, e2 = default, e3 = default, o0 = default, o1 = default, o2 = default, o3 = default;
            nint below = at;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                WalkPrefetch.Ahead(ref source, below + step + 2 * TRadiusX.Value, step);
                RowPairs<TOps, TVector>(ref source, below, lowBytes, even0, even1, even2, default, default, odd0, odd1, odd2, default, default, out TVector even, out TVector odd);
                if (row >= 0)
                {
                    TVector sumEven = Column<TOps, TVector>(yc, y1, y2, default, default, default, default, e0, e1, e2, e3, default, default, default, default, default, default, default, default, even);
                    TVector sumOdd = Column<TOps, TVector>(yc, y1, y2, default, default, default, default, o0, o1, o2, o3, default, default, default, default, default, default, default, default, odd);
                    nint output = row * outputStride + at;
                    if (!TMode.NonTemporal)
                    {
                        WalkPrefetch.Ahead(ref destination, output + step, step);
                    }

                    TOps.StoreBytePairs(MergePairs<TOps, TVector>(sumEven, sumOdd, half, bits), ref destination, output, TMode.NonTemporal);
                }

                (e0, e1, e2, e3) = (e1, r == 1 ? even : e2, e3, even);
                (o0, o1, o2, o3) = (o1, r == 1 ? odd : o2, o3, odd);
            }
        }
    }

    /// <summary>
    /// Walks down a pair of vectors at a time as <see cref="WalkBytePairs"/> does, with the column sums of
    /// <see cref="WalkWide"/>: the row sums of the even and of the odd pixels (offset where <paramref name="sums"/> says)
    /// each have a window and are weighted two terms at a time into 32-bit sums. The odd pixels' sums are narrowed
    /// shifted 8 bits less, which leaves each result in the high byte of its lane (at most 255 * 2^8 + 2^7: no
    /// saturation), where the store takes it. Only with 32 registers: the row weights of the pairs, the column's weight
    /// pairs, start and offset and two windows spilled on AVX2's 16 (generated kernels, Zen 1, 8UC1 5x5 sigma 1.2,
    /// 1920x1080: 2723 µs against 1765 one vector at a time). Measured on an Intel Emerald Rapids (AVX-512), 1920x1080
    /// 8UC1 5x5 sigma 1.2, the walk alone, alternating, min of 5: 486 µs one vector at a time, 340 in pairs. Each window
    /// keeps up to 8 rows (radius 4) besides the entering one.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkWideBytePairs<TOps, TVector, TTerms>(
        ref byte source, ref byte destination, in PairWeights<TVector> wx, in WideWeights<TVector> wy, WideColumnSums sums, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTerms : struct, IWideTerms
    {
        TVector even0 = wx.Even0, even1 = wx.Even1, even2 = wx.Even2, even3 = wx.Even3, even4 = wx.Even4;
        TVector odd0 = wx.Odd0, odd1 = wx.Odd1, odd2 = wx.Odd2, odd3 = wx.Odd3, odd4 = wx.Odd4;
        TVector p0 = wy.P0, p1 = wy.P1, p2 = wy.P2, p3 = wy.P3, p4 = wy.P4, lowBytes = TOps.Broadcast(Unsafe.BitCast<ushort, T>(0xFF));
        TVector start = TOps.WideBroadcast(sums.Start), flip = TOps.Broadcast(Unsafe.BitCast<ushort, T>(sums.RowBias));
        nint stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, shift = sums.Shift, count = g.Count, r = TRadiusY.Value, step = 2 * TOps.Count;
        for (nint at = 0; at >= 0; at = VectorLoop.Next(at, step, count))
        {
            // The windows of the even pixels (e) and of the odd ones (o), offset where sums.Offset says.
            TVector e0 = default, e1 = default, e2 = default, e3 = default, e4 = default, e5 = default, e6 = default, e7 = default;
            TVector o0 = default, o1 = default, o2 = default, o3 = default, o4 = default, o5 = default, o6 = default, o7 = default;
            nint below = at;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                WalkPrefetch.Ahead(ref source, below + step + 2 * TRadiusX.Value, step);
                RowPairs<TOps, TVector>(ref source, below, lowBytes, even0, even1, even2, even3, even4, odd0, odd1, odd2, odd3, odd4, out TVector even, out TVector odd);
                even = TOps.Add(even, flip);
                odd = TOps.Add(odd, flip);
                if (row >= 0)
                {
                    WideColumn<TOps, TVector, TTerms>(start, p0, p1, p2, p3, p4, default, default, e0, e1, e2, e3, e4, e5, e6, e7, default, default, default, default, even, out TVector lowerEven, out TVector upperEven);
                    WideColumn<TOps, TVector, TTerms>(start, p0, p1, p2, p3, p4, default, default, o0, o1, o2, o3, o4, o5, o6, o7, default, default, default, default, odd, out TVector lowerOdd, out TVector upperOdd);
                    nint output = row * outputStride + at;
                    if (!TMode.NonTemporal)
                    {
                        WalkPrefetch.Ahead(ref destination, output + step, step);
                    }

                    TVector pairs = TOps.MergeBytePairs(TOps.WideNarrow(lowerEven, upperEven, shift), TOps.WideNarrow(lowerOdd, upperOdd, shift - 8));
                    TOps.StoreBytePairs(pairs, ref destination, output, TMode.NonTemporal);
                }

                (e0, e1, e2, e3, e4, e5, e6, e7) = (e1, r == 1 ? even : e2, e3, r == 2 ? even : e4, e5, r == 3 ? even : e6, e7, even);
                (o0, o1, o2, o3, o4, o5, o6, o7) = (o1, r == 1 ? odd : o2, o3, r == 2 ? odd : o4, o5, r == 3 ? odd : o6, o7, odd);
            }
        }
    }

    /// <summary>
    /// The horizontal sums of the even and the odd pixels of the pairs at <paramref name="at"/>, from the loads at bytes
    /// 0, 2 (4, 6 and 8 for radii 2 to 4) and the weights of <see cref="PairWeights{TVector}"/>. Where the outermost weights are 1, the one
    /// outermost tap of a load is its low or high byte alone: an and or a shift instead of a multiply.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RowPairs<TOps, TVector>(
        ref byte source, nint at, TVector lowBytes, TVector even0, TVector even1, TVector even2, TVector even3, TVector even4,
        TVector odd0, TVector odd1, TVector odd2, TVector odd3, TVector odd4, out TVector even, out TVector odd)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        // The load at byte 0 holds the odd pixels' outermost tap; the load at byte 2r the even pixels'.
        int r = TRadiusX.Value;
        TVector p0 = TOps.LoadBytePairs(ref source, at), p2 = TOps.LoadBytePairs(ref source, at + 2);
        even = TOps.MultiplyAddBytePairs(p0, even0);
        odd = TOps.Add(TOuter.AreOne ? TOps.ShiftRightLogical(p0, 8) : TOps.MultiplyAddBytePairs(p0, odd0), TOps.MultiplyAddBytePairs(p2, odd1));
        if (r == 1)
        {
            even = TOps.Add(even, EvenOuter<TOps, TVector>(p2, lowBytes, even1));
            return;
        }

        TVector p4 = TOps.LoadBytePairs(ref source, at + 4);
        even = TOps.Add(even, TOps.MultiplyAddBytePairs(p2, even1));
        odd = TOps.Add(odd, TOps.MultiplyAddBytePairs(p4, odd2));
        if (r == 2)
        {
            even = TOps.Add(even, EvenOuter<TOps, TVector>(p4, lowBytes, even2));
            return;
        }

        TVector p6 = TOps.LoadBytePairs(ref source, at + 6);
        even = TOps.Add(even, TOps.MultiplyAddBytePairs(p4, even2));
        odd = TOps.Add(odd, TOps.MultiplyAddBytePairs(p6, odd3));
        if (r == 3)
        {
            even = TOps.Add(even, EvenOuter<TOps, TVector>(p6, lowBytes, even3));
            return;
        }

        TVector p8 = TOps.LoadBytePairs(ref source, at + 8);
        even = TOps.Add(TOps.Add(even, TOps.MultiplyAddBytePairs(p6, even3)), EvenOuter<TOps, TVector>(p8, lowBytes, even4));
        odd = TOps.Add(odd, TOps.MultiplyAddBytePairs(p8, odd4));
    }

    /// <summary>The even pixels' outermost tap, the low byte of each lane of the load at byte 2r: alone where its weight is 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector EvenOuter<TOps, TVector>(TVector pairs, TVector lowBytes, TVector weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct =>
        TOuter.AreOne ? TOps.And(pairs, lowBytes) : TOps.MultiplyAddBytePairs(pairs, weights);
}
