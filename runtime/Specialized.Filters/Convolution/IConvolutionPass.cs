using System;

namespace Specialized.Filters.Convolution;

/// <summary>
/// One vectorized sweep over a row: for every lane index x in <c>[0, count)</c> it combines
/// <c>source[x + taps[j]]</c> for all taps and writes lane x of the destination.
/// </summary>
internal interface IConvolutionPass<T>
    where T : unmanaged
{
    void Run<TOps, TVector>(ref T source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct;
}

/// <summary>Runs a pass at the widest vector width the hardware accelerates and the row is long enough for.</summary>
internal static class PassDispatch
{
    public static void Run<T, TPass>(in TPass pass, ref T source, ReadOnlySpan<nint> taps, ref T destination, int count)
        where T : unmanaged
        where TPass : struct, IConvolutionPass<T>
    {
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated && count >= Vector512Ops<T>.Count)
        {
            pass.Run<Vector512Ops<T>, System.Runtime.Intrinsics.Vector512<T>>(ref source, taps, ref destination, count);
        }
        else if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated && count >= Vector256Ops<T>.Count)
        {
            pass.Run<Vector256Ops<T>, System.Runtime.Intrinsics.Vector256<T>>(ref source, taps, ref destination, count);
        }
        else if (System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated && count >= Vector128Ops<T>.Count)
        {
            pass.Run<Vector128Ops<T>, System.Runtime.Intrinsics.Vector128<T>>(ref source, taps, ref destination, count);
        }
        else
        {
            pass.Run<ScalarOps<T>, T>(ref source, taps, ref destination, count);
        }
    }

    /// <summary>
    /// The next vector start after <paramref name="x"/>, or -1 when the row is done. The last vector is moved back
    /// to end exactly at <paramref name="count"/>, overlapping its predecessor: each lane is a pure function of the
    /// source, so recomputing a few lanes is harmless and no scalar tail is needed.
    /// </summary>
    public static nint Next(nint x, int vectorCount, int count)
    {
        nint last = count - vectorCount;
        if (x >= last)
        {
            return -1;
        }

        return Math.Min(x + vectorCount, last);
    }
}
