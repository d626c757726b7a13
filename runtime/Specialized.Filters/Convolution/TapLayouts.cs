using System;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// How a pass's dot products reach their taps (<see cref="PassDispatch"/> chooses): <see cref="AnyTaps"/> looks each
/// offset up, <see cref="EvenTaps"/> steps between taps evenly spaced (every row pass: tap j at j * channels). Both
/// compute the same bits (<see cref="SymmetricDot"/>). Stepping takes four scalar instructions per pair of taps
/// instead of about ten; measured on Zen 1 (AVX2), runtime engine, 1920x1080, min of 4 runs with builds alternating:
/// 32FC1 21x21 10.7 to 10.2 ms, 31x31 15.6 to 15.0 (a row alone, in the cache: 3.8 to 3.0 µs), 8UC1 21x21 8.8 to
/// 8.6; smaller kernels alike.
/// </summary>
internal interface ITapLayout
{
    static abstract TVector Compute<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged;

    static abstract Quad<TVector> Compute4<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged;
}

/// <summary>Taps at any offsets, looked up in their table.</summary>
internal readonly struct AnyTaps : ITapLayout
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Compute<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged =>
        SymmetricDot.Compute<TOps, TVector, T, TIn>(ref source, x, taps, weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Quad<TVector> Compute4<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged =>
        SymmetricDot.Compute4<TOps, TVector, T, TIn>(ref source, x, taps, weights);
}

/// <summary>Taps evenly spaced (<see cref="Applies"/>), reached by stepping from one to the next.</summary>
internal readonly struct EvenTaps : ITapLayout
{
    /// <summary>Whether every tap j lies at <c>taps[0] + j * (taps[1] - taps[0])</c>.</summary>
    public static bool Applies(ReadOnlySpan<nint> taps)
    {
        nint stride = Stride(taps);
        for (int j = 1; j < taps.Length; j++)
        {
            if (taps[j] != taps[0] + j * stride)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Compute<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged =>
        SymmetricDot.ComputeEven<TOps, TVector, T, TIn>(ref source, x + taps[0], Stride(taps), weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Quad<TVector> Compute4<TOps, TVector, T, TIn>(ref TIn source, nint x, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged =>
        SymmetricDot.Compute4Even<TOps, TVector, T, TIn>(ref source, x + taps[0], Stride(taps), weights);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static nint Stride(ReadOnlySpan<nint> taps) => taps.Length > 1 ? taps[1] - taps[0] : 0;
}
