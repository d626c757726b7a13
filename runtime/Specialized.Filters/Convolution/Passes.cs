using System;

namespace Specialized.Filters.Convolution;

/// <summary>Writes the plain dot product: float rows and columns, and integer rows that need no split.</summary>
internal readonly struct DotPass<T>(T[] weights) : IConvolutionPass<T>
    where T : unmanaged
{
    public void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        for (nint x = 0; x >= 0; x = PassDispatch.Next(x, TOps.Count, count))
        {
            TOps.Store(SymmetricDot.Compute<TOps, TVector, T>(ref source, x, taps, w), ref destination, x);
        }
    }
}

/// <summary>
/// Integer row pass whose sums are too wide for the column pass to multiply in one lane: stores the high and the
/// low <c>dataBits</c> bits of each sum in two planes, <paramref name="planeLength"/> lanes apart.
/// </summary>
internal readonly struct SplitRowPass<T>(T[] weights, int dataBits, T lowMask, int planeLength) : IConvolutionPass<T>
    where T : unmanaged
{
    public void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        TVector mask = TOps.Broadcast(lowMask);
        for (nint x = 0; x >= 0; x = PassDispatch.Next(x, TOps.Count, count))
        {
            TVector sum = SymmetricDot.Compute<TOps, TVector, T>(ref source, x, taps, w);
            TOps.Store(TOps.ShiftRightLogical(sum, dataBits), ref destination, x);
            TOps.Store(TOps.And(sum, mask), ref destination, x + planeLength);
        }
    }
}

/// <summary>Integer column pass when the whole sum fits a lane: <c>(sum + 2^(shift-1)) &gt;&gt; shift</c>, rounding half up.</summary>
internal readonly struct RoundingShiftPass<T>(T[] weights, T rounding, int shift) : IConvolutionPass<T>
    where T : unmanaged
{
    public void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        TVector round = TOps.Broadcast(rounding);
        for (nint x = 0; x >= 0; x = PassDispatch.Next(x, TOps.Count, count))
        {
            TVector sum = SymmetricDot.Compute<TOps, TVector, T>(ref source, x, taps, w);
            TOps.Store(TOps.ShiftRightLogical(TOps.Add(sum, round), shift), ref destination, x);
        }
    }
}

/// <summary>
/// Integer column pass over split rows. With <c>A</c> the sum over high planes and <c>B</c> over low planes, the exact
/// sum is <c>A * 2^dataBits + B</c> and the result <c>(A*2^d + B + 2^(s-1)) &gt;&gt; s</c> equals
/// <c>(A &gt;&gt; t) + (((A &amp; (2^t-1)) + (B &gt;&gt; d) + 2^(t-1)) &gt;&gt; t)</c> with <c>t = s - d</c>, where no
/// intermediate overflows a lane.
/// </summary>
internal readonly struct SplitColumnPass<T>(T[] weights, int planeLength, int dataBits, int t, T lowMaskT, T halfT) : IConvolutionPass<T>
    where T : unmanaged
{
    public void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
    {
        ReadOnlySpan<T> w = weights;
        TVector mask = TOps.Broadcast(lowMaskT);
        TVector half = TOps.Broadcast(halfT);
        for (nint x = 0; x >= 0; x = PassDispatch.Next(x, TOps.Count, count))
        {
            TVector high = SymmetricDot.Compute<TOps, TVector, T>(ref source, x, taps, w);
            TVector low = SymmetricDot.Compute<TOps, TVector, T>(ref source, x + planeLength, taps, w);
            TVector fraction = TOps.Add(TOps.Add(TOps.And(high, mask), TOps.ShiftRightLogical(low, dataBits)), half);
            TOps.Store(TOps.Add(TOps.ShiftRightLogical(high, t), TOps.ShiftRightLogical(fraction, t)), ref destination, x);
        }
    }
}
