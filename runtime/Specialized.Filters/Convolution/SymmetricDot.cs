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
            sum = AddPair<TOps, TVector, T, TIn>(
                sum, ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, j)), ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, 2 * r - j)), ref Unsafe.Add(ref weight, j), j);
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
        ref nint tap = ref MemoryMarshal.GetReference(taps);
        ref T weight = ref MemoryMarshal.GetReference(weights);
        Quad<TVector> sum = Centre4<TOps, TVector, T, TIn>(ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, r)), Unsafe.Add(ref weight, r));
        for (int j = r - 1; j >= 0; j--)
        {
            sum = AddPairs4<TOps, TVector, T, TIn>(
                sum, ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, j)), ref Unsafe.Add(ref source, x + Unsafe.Add(ref tap, 2 * r - j)), ref Unsafe.Add(ref weight, j), j);
        }

        return sum;
    }

    /// <summary>
    /// <see cref="Compute"/> for taps <paramref name="stride"/> elements apart, the first at lane <paramref name="x"/>:
    /// the mirrored taps are reached by stepping outwards from the centre rather than through a table of offsets, which
    /// takes fewer instructions per pair (<see cref="EvenTaps"/>). The same loads and operations in the same order, so
    /// the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ComputeEven<TOps, TVector, T, TIn>(ref TIn source, nint x, nint stride, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        int r = weights.Length - 1;
        ref T weight = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), r);
        ref TIn left = ref Unsafe.Add(ref source, x + r * stride);
        ref TIn right = ref left;
        TVector sum = TOps.Multiply(TOps.Broadcast(weight), TOps.Load<TIn>(ref left, 0));
        for (int j = r - 1; j >= 0; j--)
        {
            left = ref Unsafe.Subtract(ref left, stride);
            right = ref Unsafe.Add(ref right, stride);
            weight = ref Unsafe.Subtract(ref weight, 1);
            sum = AddPair<TOps, TVector, T, TIn>(sum, ref left, ref right, ref weight, j);
        }

        return sum;
    }

    /// <summary><see cref="ComputeEven"/> for the four consecutive vectors starting at lane <paramref name="x"/>, in the same order as <see cref="Compute4"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Quad<TVector> Compute4Even<TOps, TVector, T, TIn>(ref TIn source, nint x, nint stride, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        int r = weights.Length - 1;
        ref T weight = ref Unsafe.Add(ref MemoryMarshal.GetReference(weights), r);
        ref TIn left = ref Unsafe.Add(ref source, x + r * stride);
        ref TIn right = ref left;
        Quad<TVector> sum = Centre4<TOps, TVector, T, TIn>(ref left, weight);
        for (int j = r - 1; j >= 0; j--)
        {
            left = ref Unsafe.Subtract(ref left, stride);
            right = ref Unsafe.Add(ref right, stride);
            weight = ref Unsafe.Subtract(ref weight, 1);
            sum = AddPairs4<TOps, TVector, T, TIn>(sum, ref left, ref right, ref weight, j);
        }

        return sum;
    }

    /// <summary>The centre tap of four consecutive vectors times its weight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Quad<TVector> Centre4<TOps, TVector, T, TIn>(ref TIn centre, T weight)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        nint c = TOps.Count;
        TVector w = TOps.Broadcast(weight);
        Quad<TVector> sum;
        sum.A = TOps.Multiply(w, TOps.Load<TIn>(ref centre, 0));
        sum.B = TOps.Multiply(w, TOps.Load<TIn>(ref centre, c));
        sum.C = TOps.Multiply(w, TOps.Load<TIn>(ref centre, 2 * c));
        sum.D = TOps.Multiply(w, TOps.Load<TIn>(ref centre, 3 * c));
        return sum;
    }

    /// <summary>
    /// <paramref name="sum"/> plus the mirrored taps at <paramref name="left"/> and <paramref name="right"/> added, then
    /// times <paramref name="weight"/> (pair <paramref name="j"/>; the outermost, j = 0, skips a weight of one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector AddPair<TOps, TVector, T, TIn>(TVector sum, ref TIn left, ref TIn right, ref T weight, int j)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        TVector pair = TOps.Add(TOps.Load<TIn>(ref left, 0), TOps.Load<TIn>(ref right, 0));
        return TOps.Add(sum, j == 0 && IsOne(weight) ? pair : TOps.Multiply(TOps.Broadcast(weight), pair));
    }

    /// <summary><see cref="AddPair"/> for four consecutive vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Quad<TVector> AddPairs4<TOps, TVector, T, TIn>(Quad<TVector> sum, ref TIn left, ref TIn right, ref T weight, int j)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        nint c = TOps.Count;
        Quad<TVector> pairs;
        pairs.A = TOps.Add(TOps.Load<TIn>(ref left, 0), TOps.Load<TIn>(ref right, 0));
        pairs.B = TOps.Add(TOps.Load<TIn>(ref left, c), TOps.Load<TIn>(ref right, c));
        pairs.C = TOps.Add(TOps.Load<TIn>(ref left, 2 * c), TOps.Load<TIn>(ref right, 2 * c));
        pairs.D = TOps.Add(TOps.Load<TIn>(ref left, 3 * c), TOps.Load<TIn>(ref right, 3 * c));
        if (j > 0 || !IsOne(weight))
        {
            TVector w = TOps.Broadcast(weight);
            pairs.A = TOps.Multiply(w, pairs.A);
            pairs.B = TOps.Multiply(w, pairs.B);
            pairs.C = TOps.Multiply(w, pairs.C);
            pairs.D = TOps.Multiply(w, pairs.D);
        }

        sum.A = TOps.Add(sum.A, pairs.A);
        sum.B = TOps.Add(sum.B, pairs.B);
        sum.C = TOps.Add(sum.C, pairs.C);
        sum.D = TOps.Add(sum.D, pairs.D);
        return sum;
    }

    /// <summary>
    /// Whether the outermost weight is 1, as in the reduced fixed-point kernels of sizes 3 and 5 ([1, 2], [1, 4, 6]):
    /// its multiply is skipped, which gives the same result (multiplying by one is exact) for less work.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOne<T>(in T weight)
        where T : unmanaged
    {
        if (typeof(T) == typeof(ushort))
        {
            return Unsafe.As<T, ushort>(ref Unsafe.AsRef(in weight)) == 1;
        }

        if (typeof(T) == typeof(uint))
        {
            return Unsafe.As<T, uint>(ref Unsafe.AsRef(in weight)) == 1;
        }

        return false;
    }
}
