using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The runtime kernels' row pass for 32-bit lanes under AVX-512 when all taps lie within 16 lanes of each other: each
/// vector's taps are cut from two loads (at the first tap and at the last) by two-source permutes, instead of one
/// load per tap; the offsets are known only at run time, so each tap has a permute index vector, built once per row.
/// Same lanes, same order of operations as <see cref="SymmetricDot.Compute"/>, so the same bits. Measured at 1920x108
/// and 1920x1080 (in one process, calls alternating), against the runtime's plain loop over the taps: 32FC1 7x7 to
/// 13x13 0.76-0.89x the time, 3x3 and 5x5 about even, 16UC1 even. (Generated kernels, whose offsets are constants,
/// were faster with plain loads: 0.7-0.9x the time of the same lane shifts.)
/// </summary>
internal static class WindowedRowPass
{
    /// <summary>Whether the pass applies: 32-bit lanes, AVX-512, taps spanning at most 16 lanes, and a full vector.</summary>
    public static bool Applies<T>(ReadOnlySpan<nint> taps, int count)
        where T : unmanaged =>
        Unsafe.SizeOf<T>() == sizeof(int) && Avx512F.IsSupported && Vector512.IsHardwareAccelerated
        && taps[^1] < Vector512<int>.Count && count >= Vector512<int>.Count;

    /// <summary>Computes lanes [0, <paramref name="count"/>) and hands each vector of sums to <paramref name="finish"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Run<T, TIn, TFinish>(ref TIn source, ReadOnlySpan<nint> taps, ReadOnlySpan<T> weights, ref T destination, int count, TFinish finish)
        where T : unmanaged
        where TIn : unmanaged
        where TFinish : struct, IRowFinish<T>
    {
        int r = weights.Length - 1;
        nint reach = taps[2 * r];

        // Lane i of tap j is source element x + taps[j] + i: lane taps[j] + i of the vector at x while that is below
        // 16, else lane taps[j] + i - reach of the vector at x + reach (16 + that, in permute numbering).
        Span<Vector512<int>> index = stackalloc Vector512<int>[2 * r + 1];
        Vector512<int> lanes = Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        for (int j = 0; j <= 2 * r; j++)
        {
            Vector512<int> own = lanes + Vector512.Create((int)taps[j]);
            Vector512<int> next = own + Vector512.Create(Vector512<int>.Count - (int)reach);
            index[j] = Vector512.ConditionalSelect(Vector512.LessThan(own, Vector512.Create(Vector512<int>.Count)), own, next);
        }

        ref Vector512<int> tapIndex = ref MemoryMarshal.GetReference(index);
        ref T weight = ref MemoryMarshal.GetReference(weights);
        const int Lanes = 16;
        nint x = 0;

        // Four vectors at a time, as the other passes do (see Passes.cs), so that each index and weight serves four.
        for (; x <= PassDispatch.BlockEnd(Lanes, count); x += 4 * Lanes)
        {
            Quad<Vector512<int>> low, high;
            low.A = Vector512Ops<T>.Load(ref source, x).AsInt32();
            low.B = Vector512Ops<T>.Load(ref source, x + Lanes).AsInt32();
            low.C = Vector512Ops<T>.Load(ref source, x + 2 * Lanes).AsInt32();
            low.D = Vector512Ops<T>.Load(ref source, x + 3 * Lanes).AsInt32();
            high.A = Vector512Ops<T>.Load(ref source, x + reach).AsInt32();
            high.B = Vector512Ops<T>.Load(ref source, x + reach + Lanes).AsInt32();
            high.C = Vector512Ops<T>.Load(ref source, x + reach + 2 * Lanes).AsInt32();
            high.D = Vector512Ops<T>.Load(ref source, x + reach + 3 * Lanes).AsInt32();
            Vector512<int> centre = Unsafe.Add(ref tapIndex, r);
            Vector512<T> w = Vector512.Create(Unsafe.Add(ref weight, r));
            Quad<Vector512<T>> sum;
            sum.A = Vector512Ops<T>.Multiply(w, Tap<T>(low.A, centre, high.A));
            sum.B = Vector512Ops<T>.Multiply(w, Tap<T>(low.B, centre, high.B));
            sum.C = Vector512Ops<T>.Multiply(w, Tap<T>(low.C, centre, high.C));
            sum.D = Vector512Ops<T>.Multiply(w, Tap<T>(low.D, centre, high.D));
            for (int j = r - 1; j >= 0; j--)
            {
                Vector512<int> left = Unsafe.Add(ref tapIndex, j);
                Vector512<int> right = Unsafe.Add(ref tapIndex, 2 * r - j);
                w = Vector512.Create(Unsafe.Add(ref weight, j));
                sum.A = Vector512Ops<T>.Add(sum.A, Vector512Ops<T>.Multiply(w, Vector512Ops<T>.Add(Tap<T>(low.A, left, high.A), Tap<T>(low.A, right, high.A))));
                sum.B = Vector512Ops<T>.Add(sum.B, Vector512Ops<T>.Multiply(w, Vector512Ops<T>.Add(Tap<T>(low.B, left, high.B), Tap<T>(low.B, right, high.B))));
                sum.C = Vector512Ops<T>.Add(sum.C, Vector512Ops<T>.Multiply(w, Vector512Ops<T>.Add(Tap<T>(low.C, left, high.C), Tap<T>(low.C, right, high.C))));
                sum.D = Vector512Ops<T>.Add(sum.D, Vector512Ops<T>.Multiply(w, Vector512Ops<T>.Add(Tap<T>(low.D, left, high.D), Tap<T>(low.D, right, high.D))));
            }

            finish.Store(sum.A, ref destination, x);
            finish.Store(sum.B, ref destination, x + Lanes);
            finish.Store(sum.C, ref destination, x + 2 * Lanes);
            finish.Store(sum.D, ref destination, x + 3 * Lanes);
        }

        for (x = VectorLoop.TailStart(x, Lanes, count); x >= 0; x = VectorLoop.Next(x, Lanes, count))
        {
            Vector512<int> low = Vector512Ops<T>.Load(ref source, x).AsInt32();
            Vector512<int> high = Vector512Ops<T>.Load(ref source, x + reach).AsInt32();
            Vector512<T> sum = Vector512Ops<T>.Multiply(
                Vector512.Create(Unsafe.Add(ref weight, r)), Tap<T>(low, Unsafe.Add(ref tapIndex, r), high));
            for (int j = r - 1; j >= 0; j--)
            {
                Vector512<T> pair = Vector512Ops<T>.Add(Tap<T>(low, Unsafe.Add(ref tapIndex, j), high), Tap<T>(low, Unsafe.Add(ref tapIndex, 2 * r - j), high));
                sum = Vector512Ops<T>.Add(sum, Vector512Ops<T>.Multiply(Vector512.Create(Unsafe.Add(ref weight, j)), pair));
            }

            finish.Store(sum, ref destination, x);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Tap<T>(Vector512<int> low, Vector512<int> index, Vector512<int> high)
        where T : unmanaged => Avx512F.PermuteVar16x32x2(low, index, high).As<int, T>();
}

/// <summary>What a row pass does with each vector of sums.</summary>
internal interface IRowFinish<T>
    where T : unmanaged
{
    void Store(Vector512<T> sum, ref T destination, nint x);
}

/// <summary>Stores the sums (float rows, integer rows that need no split).</summary>
internal readonly struct StoreSums<T> : IRowFinish<T>
    where T : unmanaged
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector512<T> sum, ref T destination, nint x) => Vector512Ops<T>.Store(sum, ref destination, x);
}

/// <summary>Stores the high and low <c>dataBits</c> bits of each sum in two planes (see <see cref="SplitRowPass{T, TIn}"/>).</summary>
internal readonly struct StoreSplitSums<T>(int dataBits, T lowMask, int planeLength) : IRowFinish<T>
    where T : unmanaged
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(Vector512<T> sum, ref T destination, nint x)
    {
        Vector512Ops<T>.Store(Vector512Ops<T>.ShiftRightLogical(sum, dataBits), ref destination, x);
        Vector512Ops<T>.Store(Vector512Ops<T>.And(sum, Vector512.Create(lowMask)), ref destination, x + planeLength);
    }
}
