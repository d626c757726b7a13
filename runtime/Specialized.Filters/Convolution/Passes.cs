using System;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

// Each pass runs a main loop four vectors at a time (SymmetricDot.Compute4) and finishes the row one
// vector at a time, the last one overlapping (VectorLoop.TailStart, VectorLoop.Next). Both loops go through the same
// per-vector finishing code, so the lanes they produce are computed identically.

/// <summary>Stores the plain dot product: float rows and columns, and integer rows that need no split.</summary>
internal readonly struct DotPass<T, TIn, TOut, TMode>(T[] weights) : IConvolutionPass<T, TIn, TOut>
    where T : unmanaged
    where TIn : unmanaged
    where TOut : unmanaged
    where TMode : struct, IStoreMode
{
    public void Run<TOps, TVector>(ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> sum = SymmetricDot.Compute4<TOps, TVector, T, TIn>(ref source, x, taps, w);
            TOps.Store(sum.A, ref destination, x, TMode.NonTemporal);
            TOps.Store(sum.B, ref destination, x + c, TMode.NonTemporal);
            TOps.Store(sum.C, ref destination, x + 2 * c, TMode.NonTemporal);
            TOps.Store(sum.D, ref destination, x + 3 * c, TMode.NonTemporal);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            TOps.Store(SymmetricDot.Compute<TOps, TVector, T, TIn>(ref source, x, taps, w), ref destination, x, TMode.NonTemporal);
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
    public void Run<TOps, TVector>(ref TIn source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        TVector mask = TOps.Broadcast(lowMask);
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> sum = SymmetricDot.Compute4<TOps, TVector, T, TIn>(ref source, x, taps, w);
            Finish<TOps, TVector>(sum.A, mask, ref destination, x);
            Finish<TOps, TVector>(sum.B, mask, ref destination, x + c);
            Finish<TOps, TVector>(sum.C, mask, ref destination, x + 2 * c);
            Finish<TOps, TVector>(sum.D, mask, ref destination, x + 3 * c);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            Finish<TOps, TVector>(SymmetricDot.Compute<TOps, TVector, T, TIn>(ref source, x, taps, w), mask, ref destination, x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Finish<TOps, TVector>(TVector sum, TVector mask, ref T destination, nint x)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TOps.Store(TOps.ShiftRightLogical(sum, dataBits), ref destination, x);
        TOps.Store(TOps.And(sum, mask), ref destination, x + planeLength);
    }
}

/// <summary>Integer column pass when the whole sum fits a lane: <c>(sum + 2^(shift-1)) &gt;&gt; shift</c>, rounding half up.</summary>
internal readonly struct RoundingShiftPass<T, TOut, TMode>(T[] weights, T rounding, int shift) : IConvolutionPass<T, T, TOut>
    where T : unmanaged
    where TOut : unmanaged
    where TMode : struct, IStoreMode
{
    public void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        TVector round = TOps.Broadcast(rounding);
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> sum = SymmetricDot.Compute4<TOps, TVector, T, T>(ref source, x, taps, w);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.A, round), shift), ref destination, x, TMode.NonTemporal);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.B, round), shift), ref destination, x + c, TMode.NonTemporal);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.C, round), shift), ref destination, x + 2 * c, TMode.NonTemporal);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum.D, round), shift), ref destination, x + 3 * c, TMode.NonTemporal);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            TVector sum = SymmetricDot.Compute<TOps, TVector, T, T>(ref source, x, taps, w);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum, round), shift), ref destination, x, TMode.NonTemporal);
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
    public void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        TVector mask = TOps.Broadcast(lowMaskT);
        TVector half = TOps.Broadcast(halfT);
        int c = TOps.Count;
        nint x = 0;
        for (; x <= PassDispatch.BlockEnd(c, count); x += 4 * c)
        {
            Quad<TVector> high = SymmetricDot.Compute4<TOps, TVector, T, T>(ref source, x, taps, w);
            Quad<TVector> low = SymmetricDot.Compute4<TOps, TVector, T, T>(ref source, x + planeLength, taps, w);
            TOps.Store(Combine<TOps, TVector>(high.A, low.A, mask, half), ref destination, x, TMode.NonTemporal);
            TOps.Store(Combine<TOps, TVector>(high.B, low.B, mask, half), ref destination, x + c, TMode.NonTemporal);
            TOps.Store(Combine<TOps, TVector>(high.C, low.C, mask, half), ref destination, x + 2 * c, TMode.NonTemporal);
            TOps.Store(Combine<TOps, TVector>(high.D, low.D, mask, half), ref destination, x + 3 * c, TMode.NonTemporal);
        }

        for (x = VectorLoop.TailStart(x, c, count); x >= 0; x = VectorLoop.Next(x, c, count))
        {
            TVector high = SymmetricDot.Compute<TOps, TVector, T, T>(ref source, x, taps, w);
            TVector low = SymmetricDot.Compute<TOps, TVector, T, T>(ref source, x + planeLength, taps, w);
            TOps.Store(Combine<TOps, TVector>(high, low, mask, half), ref destination, x, TMode.NonTemporal);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TVector Combine<TOps, TVector>(TVector high, TVector low, TVector mask, TVector half)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        TVector fraction = TOps.Add(TOps.Add(TOps.And(high, mask), TOps.ShiftRightLogical(low, dataBits)), half);
        return TOps.Add(TOps.ShiftRightLogical(high, t), TOps.ShiftRightLogical(fraction, t));
    }
}
