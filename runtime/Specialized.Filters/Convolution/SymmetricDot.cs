using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Specialized.Filters.Convolution;

/// <summary>The dot product of a symmetric kernel with one vector of lanes, mirrored taps folded.</summary>
internal static class SymmetricDot
{
    /// <summary>
    /// <c>w[r]*s[r] + sum over d = 1..r of w[r-d]*(s[r-d] + s[r+d])</c>, where <c>s[j] = source[x + taps[j]]</c>,
    /// <c>taps</c> has 2r+1 entries and <paramref name="weights"/> the r+1 distinct weights (centre last).
    /// The order, centre first and then outwards, is part of the contract: generated kernels use the same one,
    /// which keeps floating-point results bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Compute<TOps, TVector, T>(ref T source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
    {
        int r = weights.Length - 1;
        ref nint tap = ref MemoryMarshal.GetReference(taps);
        ref T weight = ref MemoryMarshal.GetReference(weights);
        TVector sum = TOps.Multiply(TOps.Broadcast(Unsafe.Add(ref weight, r)), TOps.Load(ref source, x + Unsafe.Add(ref tap, r)));
        for (int j = r - 1; j >= 0; j--)
        {
            TVector pair = TOps.Add(
                TOps.Load(ref source, x + Unsafe.Add(ref tap, j)),
                TOps.Load(ref source, x + Unsafe.Add(ref tap, 2 * r - j)));
            sum = TOps.Add(sum, TOps.Multiply(TOps.Broadcast(Unsafe.Add(ref weight, j)), pair));
        }

        return sum;
    }
}
