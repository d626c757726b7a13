using System;
using System.Runtime.Intrinsics;

namespace Specialized.Filters.Convolution;

/// <summary>
/// One vectorized sweep over a row: for every lane index x in <c>[0, count)</c> it combines
/// <c>source[x + taps[j]]</c> for all taps, computing in lanes of <typeparamref name="T"/>, and writes element x of
/// the destination. Sources of <typeparamref name="TIn"/> are widened on load, destinations of
/// <typeparamref name="TOut"/> narrowed on store (<see cref="IVectorOps{TVector, T}"/>).
/// </summary>
internal interface IConvolutionPass<T, TIn, TOut>
    where T : unmanaged
    where TIn : unmanaged
    where TOut : unmanaged
{
    void Run<TOps, TVector>(ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct;
}

/// <summary>Runs a pass at the widest vector width the hardware accelerates and the row is long enough for.</summary>
internal static class PassDispatch
{
    public static void Run<T, TIn, TOut, TPass>(in TPass pass, ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where T : unmanaged
        where TIn : unmanaged
        where TOut : unmanaged
        where TPass : struct, IConvolutionPass<T, TIn, TOut>
    {
        if (Vector512.IsHardwareAccelerated && count >= Vector512<T>.Count)
        {
            pass.Run<Vector512Ops<T>, Vector512<T>>(ref source, taps, ref destination, count);
        }
        else if (Vector256.IsHardwareAccelerated && count >= Vector256<T>.Count)
        {
            pass.Run<Vector256Ops<T>, Vector256<T>>(ref source, taps, ref destination, count);
        }
        else if (Vector128.IsHardwareAccelerated && count >= Vector128<T>.Count)
        {
            pass.Run<Vector128Ops<T>, Vector128<T>>(ref source, taps, ref destination, count);
        }
        else
        {
            pass.Run<ScalarOps<T>, T>(ref source, taps, ref destination, count);
        }
    }

    /// <summary>Lanes covered by the four-vector main loop of a pass; the rest is left to <see cref="VectorLoop.Next"/>.</summary>
    public static nint BlockEnd(int vectorCount, int count) => count - 4 * vectorCount;
}
