using System;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

// Each pass runs a main loop four vectors at a time (ITapLayout.Compute4) and finishes the row one
// vector at a time, the last one overlapping (VectorLoop.TailStart, VectorLoop.Next). Both loops go through the same
// per-vector finishing code, so the lanes they produce are computed identically.

/// <summary>Stores the plain dot product: float rows and columns, and integer rows that need no split.</summary>
internal readonly struct DotPass<T, TIn, TOut, TMode>(T[] weights) : IConvolutionPass<T, TIn, TOut>
    where T : unmanaged
    where TIn : unmanaged
    where TOut : unmanaged
    where TMode : struct, IStoreMode
{
    public void Run<TOps, TVector, TTaps>(ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTaps : struct, ITapLayout
    {
        ReadOnlySpan<T> w = weights;
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> sum = TTaps.Compute4<TOps, TVector, T, TIn>(ref source, x, taps, w);
            TOps.Store(sum.A, ref destination, x, TMode.NonTemporal);
            TOps.Store(sum.B, ref destination, x + c, TMode.NonTemporal);
            TOps.Store(sum.C, ref destination, x + 2 * c, TMode.NonTemporal);
            TOps.Store(sum.D, ref destination, x + 3 * c, TMode.NonTemporal);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            TOps.Store(TTaps.Compute<TOps, TVector, T, TIn>(ref source, x, taps, w), ref destination, x, TMode.NonTemporal);
        }
    }
}

/// <summary>
/// Integer row pass whose sums are too wide for the column pass to multiply in one lane: stores the high and the
/// low <c>dataBits</c> bits of each sum in two planes, <paramref name="planeLength"/> lanes apart.
/// </summary>
internal readonly struct SplitRowPass<T, TIn>(T[] weights, int dataBits, T lowMask, int planeLength) : IConvolutionPass<T, TIn, T>
    where T : unmanaged
    where TIn : unmanaged
{
    public void Run<TOps, TVector, TTaps>(ref TIn source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTaps : struct, ITapLayout
    {
        // Fields copied to locals: the pass is passed by reference, so the JIT would reload them for every vector.
        ReadOnlySpan<T> w = weights;
        TVector mask = TOps.Broadcast(lowMask);
        int highShift = dataBits;
        ref T low = ref Unsafe.Add(ref destination, planeLength);
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> sum = TTaps.Compute4<TOps, TVector, T, TIn>(ref source, x, taps, w);
            Finish<TOps, TVector>(sum.A, highShift, mask, ref destination, ref low, x);
            Finish<TOps, TVector>(sum.B, highShift, mask, ref destination, ref low, x + c);
            Finish<TOps, TVector>(sum.C, highShift, mask, ref destination, ref low, x + 2 * c);
            Finish<TOps, TVector>(sum.D, highShift, mask, ref destination, ref low, x + 3 * c);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            Finish<TOps, TVector>(TTaps.Compute<TOps, TVector, T, TIn>(ref source, x, taps, w), highShift, mask, ref destination, ref low, x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Finish<TOps, TVector>(TVector sum, int highShift, TVector mask, ref T high, ref T low, nint x)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TOps.Store(TOps.ShiftRightLogical(sum, highShift), ref high, x);
        TOps.Store(TOps.And(sum, mask), ref low, x);
    }
}

/// <summary>Integer column pass when the whole sum fits a lane: <c>(sum + 2^(shift-1)) &gt;&gt; shift</c>, rounding half up.</summary>
internal readonly struct RoundingShiftPass<T, TOut, TMode>(T[] weights, T rounding, int shift) : IConvolutionPass<T, T, TOut>
    where T : unmanaged
    where TOut : unmanaged
    where TMode : struct, IStoreMode
{
    public void Run<TOps, TVector, TTaps>(ref T source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTaps : struct, ITapLayout
    {
        ReadOnlySpan<T> w = weights;
        TVector round = TOps.Broadcast(rounding);
        int s = shift; // a local: the pass is passed by reference, so the JIT would reload the field for every vector
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> sum = TTaps.Compute4<TOps, TVector, T, T>(ref source, x, taps, w);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.A, round), s), ref destination, x, TMode.NonTemporal);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.B, round), s), ref destination, x + c, TMode.NonTemporal);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.C, round), s), ref destination, x + 2 * c, TMode.NonTemporal);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.D, round), s), ref destination, x + 3 * c, TMode.NonTemporal);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            TVector sum = TTaps.Compute<TOps, TVector, T, T>(ref source, x, taps, w);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum, round), s), ref destination, x, TMode.NonTemporal);
        }
    }
}

/// <summary>
/// Integer column pass over split rows. With <c>A</c> the sum over high planes and <c>B</c> over low planes, the exact
/// sum is <c>A * 2^dataBits + B</c> and the result <c>(A*2^d + B + 2^(s-1)) &gt;&gt; s</c> equals
/// <c>(A &gt;&gt; t) + (((A &amp; (2^t-1)) + (B &gt;&gt; d) + 2^(t-1)) &gt;&gt; t)</c> with <c>t = s - d</c>, where no
/// intermediate overflows a lane.
/// </summary>
internal readonly struct SplitColumnPass<T, TOut, TMode>(T[] weights, int planeLength, int dataBits, int t, T lowMaskT, T halfT) : IConvolutionPass<T, T, TOut>
    where T : unmanaged
    where TOut : unmanaged
    where TMode : struct, IStoreMode
{
    public void Run<TOps, TVector, TTaps>(ref T source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTaps : struct, ITapLayout
    {
        ReadOnlySpan<T> w = weights;
        TVector mask = TOps.Broadcast(lowMaskT);
        TVector half = TOps.Broadcast(halfT);
        // Fields copied to locals: the pass is passed by reference, so the JIT would reload them for every vector.
        int lowShift = dataBits;
        int fractionShift = t;
        ref T lowSums = ref Unsafe.Add(ref source, planeLength);
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> high = TTaps.Compute4<TOps, TVector, T, T>(ref source, x, taps, w);
            Quad<TVector> low = TTaps.Compute4<TOps, TVector, T, T>(ref lowSums, x, taps, w);
            TOps.Store(SplitSums.Combine<TOps, TVector, T>(high.A, low.A, mask, half, lowShift, fractionShift), ref destination, x, TMode.NonTemporal);
            TOps.Store(SplitSums.Combine<TOps, TVector, T>(high.B, low.B, mask, half, lowShift, fractionShift), ref destination, x + c, TMode.NonTemporal);
            TOps.Store(SplitSums.Combine<TOps, TVector, T>(high.C, low.C, mask, half, lowShift, fractionShift), ref destination, x + 2 * c, TMode.NonTemporal);
            TOps.Store(SplitSums.Combine<TOps, TVector, T>(high.D, low.D, mask, half, lowShift, fractionShift), ref destination, x + 3 * c, TMode.NonTemporal);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            TVector high = TTaps.Compute<TOps, TVector, T, T>(ref source, x, taps, w);
            TVector low = TTaps.Compute<TOps, TVector, T, T>(ref lowSums, x, taps, w);
            TOps.Store(SplitSums.Combine<TOps, TVector, T>(high, low, mask, half, lowShift, fractionShift), ref destination, x, TMode.NonTemporal);
        }
    }
}

/// <summary>Split integer sums (<see cref="SplitRowPass{T, TIn}"/>), shared by the column pass and the fused pass.</summary>
internal static class SplitSums
{
    /// <summary>
    /// The result <c>(A*2^d + B + 2^(s-1)) &gt;&gt; s</c> from the column sums <paramref name="high"/> (A, over high halves)
    /// and <paramref name="low"/> (B, over low halves), without overflowing a lane (see <see cref="SplitColumnPass{T, TOut, TMode}"/>).
    /// </summary>
    /// <param name="high">A.</param>
    /// <param name="low">B.</param>
    /// <param name="fractionMask">2^t - 1, t = s - d.</param>
    /// <param name="half">2^(t - 1).</param>
    /// <param name="lowShift">d, the bits of image data.</param>
    /// <param name="fractionShift">t.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Combine<TOps, TVector, T>(TVector high, TVector low, TVector fractionMask, TVector half, int lowShift, int fractionShift)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
    {
        TVector fraction = TOps.Add(TOps.Add(TOps.And(high, fractionMask), TOps.ShiftRightLogical(low, lowShift)), half);
        return TOps.Add(TOps.ShiftRightLogical(high, fractionShift), TOps.ShiftRightLogical(fraction, fractionShift));
    }
}
