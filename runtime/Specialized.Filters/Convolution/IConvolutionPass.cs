using System;
using System.Runtime.Intrinsics;

namespace Specialized.Filters.Convolution;

/// <summary>
/// One vectorized sweep over a row: for every lane index x in <c>[0, count)</c> it combines
/// <c>source[x + taps[j]]</c> for all taps, computing in lanes of <typeparamref name="T"/>, and writes element x of
/// the destination. Sources of <typeparamref name="TIn"/> are widened on load, destinations of
/// <typeparamref name="TOut"/> narrowed on store (<see cref="IVectorOps{TVector, T}"/>). <c>TTaps</c> says how the
/// taps lie (<see cref="ITapLayout"/>).
/// </summary>
internal interface IConvolutionPass<T, TIn, TOut>
    where T : unmanaged
    where TIn : unmanaged
    where TOut : unmanaged
{
    void Run<TOps, TVector, TTaps>(ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where TTaps : struct, ITapLayout;
}

/// <summary>
/// Runs a pass at the widest vector width the hardware accelerates and the row is long enough for, with its taps
/// reached by stepping where they are evenly spaced (<see cref="EvenTaps"/>: every row pass, and column passes whose
/// window of rows does not wrap around the ring).
/// </summary>
internal static class PassDispatch
{
    public static void Run<T, TIn, TOut, TPass>(in TPass pass, ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where T : unmanaged
        where TIn : unmanaged
        where TOut : unmanaged
        where TPass : struct, IConvolutionPass<T, TIn, TOut>
    {
        if (EvenTaps.Applies(taps))
        {
            Run<T, TIn, TOut, TPass, EvenTaps>(pass, ref source, taps, ref destination, count);
        }
        else
        {
            Run<T, TIn, TOut, TPass, AnyTaps>(pass, ref source, taps, ref destination, count);
        }
    }

    private static void Run<T, TIn, TOut, TPass, TTaps>(in TPass pass, ref TIn source, ReadOnlySpan<nint> taps, ref TOut destination, int count)
        where T : unmanaged
        where TIn : unmanaged
        where TOut : unmanaged
        where TPass : struct, IConvolutionPass<T, TIn, TOut>
        where TTaps : struct, ITapLayout
    {
        if (Vector512.IsHardwareAccelerated && count >= Vector512<T>.Count)
        {
            pass.Run<Vector512Ops<T>, Vector512<T>, TTaps>(ref source, taps, ref destination, count);
        }
        else if (Vector256.IsHardwareAccelerated && count >= Vector256<T>.Count)
        {
            pass.Run<Vector256Ops<T>, Vector256<T>, TTaps>(ref source, taps, ref destination, count);
        }
        else if (Vector128.IsHardwareAccelerated && count >= Vector128<T>.Count)
        {
            pass.Run<Vector128Ops<T>, Vector128<T>, TTaps>(ref source, taps, ref destination, count);
        }
        else
        {
            pass.Run<ScalarOps<T>, T, TTaps>(ref source, taps, ref destination, count);
        }
    }

    /// <summary>Lanes covered by the four-vector main loop of a pass; the rest is left to <see cref="VectorLoop.Next"/>.</summary>
    public static nint BlockEnd(int vectorCount, int count) => count - 4 * vectorCount;
}
