using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized.Filters.Convolution;

/// <summary>Four vectors of lanes, computed together so that per-tap work (offsets, weights) is shared.</summary>
internal struct Quad<TVector>
    where TVector : struct
{
    public TVector A;
    public TVector B;
    public TVector C;
    public TVector D;
}

/// <summary>The dot product of a symmetric kernel with vectors of lanes, mirrored taps folded.</summary>
internal static class SymmetricDot
{
    /// <summary>
    /// <c>w[r]*s[r] + sum over d = 1..r of w[r-d]*(s[r-d] + s[r+d])</c>, where <c>s[j] = source[x + taps[j]]</c> widened to lanes,
    /// <c>taps</c> has 2r+1 entries and <paramref name="weights"/> the r+1 distinct weights (centre last).
    /// The order, centre first and then outwards, is part of the contract: generated kernels use the same one,
    /// which keeps floating-point results bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Compute<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        int r = weights.Length - 1;
        ref nint tap = ref MemoryMarshal.GetReference(taps);
        ref T weight = ref MemoryMarshal.GetReference(weights);
        TVector sum = TOps.Multiply(TOps.Broadcast(Unsafe.Add(ref weight, r)), TOps.Load<TIn>(ref source, x + Unsafe.Add(ref tap, r)));
        for (int j = r - 1; j >= 0; j--)
        {
            TVector pair = TOps.Add(
                TOps.Load<TIn>(ref source, x + Unsafe.Add(ref tap, j)),
                TOps.Load<TIn>(ref source, x + Unsafe.Add(ref tap, 2 * r - j)));
            sum = TOps.Add(sum, TOps.Multiply(TOps.Broadcast(Unsafe.Add(ref weight, j)), pair));
        }

        return sum;
    }

    /// <summary><see cref="Compute"/> for the four consecutive vectors starting at lane <paramref name="x"/>, in the same order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Quad<TVector> Compute4<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        int r = weights.Length - 1;
        nint c = TOps.Count;
        ref nint tap = ref MemoryMarshal.GetReference(taps);
        ref T weight = ref MemoryMarshal.GetReference(weights);
        TVector w = TOps.Broadcast(Unsafe.Add(ref weight, r));
        ref TIn centre = ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, r));
        Quad<TVector> sum;
        sum.A = TOps.Multiply(w, TOps.Load<TIn>(ref centre, 0));
        sum.B = TOps.Multiply(w, TOps.Load<TIn>(ref centre, c));
        sum.C = TOps.Multiply(w, TOps.Load<TIn>(ref centre, 2 * c));
        sum.D = TOps.Multiply(w, TOps.Load<TIn>(ref centre, 3 * c));
        for (int j = r - 1; j >= 0; j--)
        {
            w = TOps.Broadcast(Unsafe.Add(ref weight, j));
            ref TIn left = ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, j));
            ref TIn right = ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, 2 * r - j));
            sum.A = TOps.Add(sum.A, TOps.Multiply(w, TOps.Add(TOps.Load<TIn>(ref left, 0), TOps.Load<TIn>(ref right, 0))));
            sum.B = TOps.Add(sum.B, TOps.Multiply(w, TOps.Add(TOps.Load<TIn>(ref left, c), TOps.Load<TIn>(ref right, c))));
            sum.C = TOps.Add(sum.C, TOps.Multiply(w, TOps.Add(TOps.Load<TIn>(ref left, 2 * c), TOps.Load<TIn>(ref right, 2 * c))));
            sum.D = TOps.Add(sum.D, TOps.Multiply(w, TOps.Add(TOps.Load<TIn>(ref left, 3 * c), TOps.Load<TIn>(ref right, 3 * c))));
        }

        return sum;
    }
}
