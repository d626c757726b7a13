using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The fused pass over one-channel 8-bit images with sums in 16-bit lanes, pixels in pairs (as generated kernels do):
/// the lanes of a load of 2 × TOps.Count bytes hold the even pixels in their low halves and the odd ones in their high
/// halves. Split apart they are two rows of lanes, each filtered and summed like any other, and the store puts them
/// back together: no widening loads or narrowing stores, and one load serves two taps. Measured at 1920x1080 on Zen 1
/// (AVX2), min of 3, builds alternating, widening / in pairs: 3x3 829 / 714 µs (generated 650 / 503), 5x5 1411 / 1213
/// (generated 1158 / 915). Two pairs side by side for radius 1, as generated kernels do, were slower here (786 µs).
/// </summary>
internal readonly partial struct FusedDotPass<T, TSrc, TRadiusX, TRadiusY, TChannels, TMode, TOuter>
{
    /// <summary>
    /// Whether the pass runs in pairs of pixels: one-channel 8-bit images whose sums fit a lane, radii up to 2 (the
    /// pair's two windows take the place of two vectors', as in <see cref="WalkPairs"/>).
    /// </summary>
    private bool HasBytePairs =>
        typeof(TSrc) == typeof(byte) && typeof(T) == typeof(ushort) && TChannels.Value == 1 && splitBits == 0 && TRadiusX.Value <= 2 && TRadiusY.Value <= 2;

    /// <summary>Walks down a pair of vectors at a time, the last pair moved back to end at the row's end.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WalkBytePairs<TOps, TVector>(
        ref byte source, ref byte destination, in AxisWeights<TVector> wx, in AxisWeights<TVector> wy, in Constants<TVector> k, in Geometry g)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector xc = wx.C, x1 = wx.W1, x2 = wx.W2;
        TVector yc = wy.C, y1 = wy.W1, y2 = wy.W2, half = k.Half, lowBytes = TOps.Broadcast(Unsafe.BitCast<ushort, T>(0xFF));
        nint stride = g.SourceStride, outputStride = g.DestinationStride;
        int height = g.Rows, bits = g.Shift, count = g.Count, r = TRadiusY.Value, step = 2 * TOps.Count;
        for (nint at = 0; at >= 0; at = VectorLoop.Next(at, step, count))
        {
            // The windows of the even pixels (e) and of the odd ones (o), as in WalkPairs.
            TVector e0 = default, e1 = default, e2 = default, e3 = default, o0 = default, o1 = default, o2 = default, o3 = default;
            nint below = at;
            for (nint row = -2 * r; row < height; row++, below += stride)
            {
                WalkPrefetch.Ahead(ref source, below + step + 2 * TRadiusX.Value, step);
                RowPairs<TOps, TVector>(ref source, below, lowBytes, xc, x1, x2, out TVector even, out TVector odd);
                if (row >= 0)
                {
                    TVector sumEven = Column<TOps, TVector>(yc, y1, y2, default, default, default, default, e0, e1, e2, e3, default, default, default, default, default, default, default, default, even);
                    TVector sumOdd = Column<TOps, TVector>(yc, y1, y2, default, default, default, default, o0, o1, o2, o3, default, default, default, default, default, default, default, default, odd);
                    nint output = row * outputStride + at;
                    if (!TMode.NonTemporal)
                    {
                        WalkPrefetch.Ahead(ref destination, output + step, step);
                    }

                    TVector pairs = TOps.Add(Round<TOps, TVector>(sumEven, half, bits), TOps.ShiftLeft(Round<TOps, TVector>(sumOdd, half, bits), 8));
                    TOps.StoreBytePairs(pairs, ref destination, output, TMode.NonTemporal);
                }

                (e0, e1, e2, e3) = (e1, r == 1 ? even : e2, e3, even);
                (o0, o1, o2, o3) = (o1, r == 1 ? odd : o2, o3, odd);
            }
        }
    }

    /// <summary>
    /// The horizontal sums of the even and the odd pixels of the pairs at <paramref name="at"/>. The loads at bytes 0, 2
    /// (and 4) split into t0 .. t3 (t5), the pixels t bytes on from each even pixel: tap t of an even pixel is t{t}, of an
    /// odd pixel t{t + 1}.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RowPairs<TOps, TVector>(
        ref byte source, nint at, TVector lowBytes, TVector centre, TVector d1, TVector d2, out TVector even, out TVector odd)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector p0 = TOps.LoadBytePairs(ref source, at), p2 = TOps.LoadBytePairs(ref source, at + 2);
        TVector t0 = TOps.And(p0, lowBytes), t1 = TOps.ShiftRightLogical(p0, 8), t2 = TOps.And(p2, lowBytes), t3 = TOps.ShiftRightLogical(p2, 8);
        if (TRadiusX.Value == 1)
        {
            even = Outer<TOps, TVector>(TOps.Multiply(centre, t1), d1, t0, t2);
            odd = Outer<TOps, TVector>(TOps.Multiply(centre, t2), d1, t1, t3);
            return;
        }

        TVector p4 = TOps.LoadBytePairs(ref source, at + 4);
        TVector t4 = TOps.And(p4, lowBytes), t5 = TOps.ShiftRightLogical(p4, 8);
        even = Outer<TOps, TVector>(Pair<TOps, TVector>(TOps.Multiply(centre, t2), d1, t1, t3), d2, t0, t4);
        odd = Outer<TOps, TVector>(Pair<TOps, TVector>(TOps.Multiply(centre, t3), d1, t2, t4), d2, t1, t5);
    }
}
