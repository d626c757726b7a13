using System;
using System.Linq;
using System.Runtime.Intrinsics;
using Specialized.Filters.Convolution;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// The runtime's passes reach evenly spaced taps by stepping (<see cref="EvenTaps"/>) and any others through their
/// table (<see cref="AnyTaps"/>); <see cref="PassDispatch"/> chooses. Both must give the same bits at every width,
/// for float sums (where the order of operations shows) and integer sums with an outermost weight of one (whose
/// multiply is skipped). Widths the machine does not accelerate run in software, with the same lanes.
/// </summary>
public class TapLayoutTests
{
    [Theory]
    [InlineData(new long[] { 0 }, true)]
    [InlineData(new long[] { 0, 3, 6, 9, 12 }, true)]
    [InlineData(new long[] { 40, 30, 20 }, true)] // stepping backwards
    [InlineData(new long[] { 5, 5, 5 }, true)] // one place
    [InlineData(new long[] { 0, 3, 7 }, false)]
    [InlineData(new long[] { 60, 0, 20 }, false)] // a ring's window that wraps
    public void Taps_are_even_when_each_lies_one_stride_past_the_last(long[] taps, bool even) =>
        Assert.Equal(even, EvenTaps.Applies(taps.Select(t => (nint)t).ToArray()));

    [Fact]
    public void Stepping_and_looking_up_give_the_same_float_sums_at_every_width()
    {
        var random = new Random(3);
        for (int trial = 0; trial < 40; trial++)
        {
            int r = random.Next(0, 16), stride = random.Next(1, 5);
            float[] weights = Enumerable.Range(0, r + 1).Select(_ => random.NextSingle()).ToArray();
            float[] source = Enumerable.Range(0, 2 * r * stride + 64 + 8).Select(_ => random.NextSingle() * 255).ToArray();
            nint[] taps = Enumerable.Range(0, 2 * r + 1).Select(j => (nint)(j * stride)).ToArray();
            int x = random.Next(0, 8);
            Same<Vector512Ops<float>, Vector512<float>, float, float>(source, x, taps, weights);
            Same<Vector256Ops<float>, Vector256<float>, float, float>(source, x, taps, weights);
            Same<Vector128Ops<float>, Vector128<float>, float, float>(source, x, taps, weights);
            Same<ScalarOps<float>, float, float, float>(source, x, taps, weights);
        }
    }

    [Fact]
    public void Stepping_and_looking_up_give_the_same_integer_sums_at_every_width()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 40; trial++)
        {
            int r = random.Next(0, 8), stride = random.Next(1, 5);
            ushort[] weights = Enumerable.Range(0, r + 1).Select(j => (ushort)(j == 0 ? 1 : random.Next(1, 9))).ToArray();
            byte[] source = Enumerable.Range(0, 2 * r * stride + 128 + 8).Select(_ => (byte)random.Next(256)).ToArray();
            nint[] taps = Enumerable.Range(0, 2 * r + 1).Select(j => (nint)(j * stride)).ToArray();
            int x = random.Next(0, 8);
            Same<Vector512Ops<ushort>, Vector512<ushort>, ushort, byte>(source, x, taps, weights);
            Same<Vector256Ops<ushort>, Vector256<ushort>, ushort, byte>(source, x, taps, weights);
            Same<Vector128Ops<ushort>, Vector128<ushort>, ushort, byte>(source, x, taps, weights);
            Same<ScalarOps<ushort>, ushort, ushort, byte>(source, x, taps, weights);
        }
    }

    private static void Same<TOps, TVector, T, TIn>(TIn[] source, int x, nint[] taps, T[] weights)
        where TOps : struct, IVectorOps<TVector, T>
        where TVector : struct
        where T : unmanaged
        where TIn : unmanaged
    {
        Quad<TVector> looked = AnyTaps.Compute4<TOps, TVector, T, TIn>(ref source[0], x, taps, weights);
        Quad<TVector> stepped = EvenTaps.Compute4<TOps, TVector, T, TIn>(ref source[0], x, taps, weights);
        string context = $"{typeof(TVector).Name} radius {weights.Length - 1} taps {string.Join(",", taps)} at {x}";
        Assert.True(looked.A.Equals(stepped.A) && looked.B.Equals(stepped.B) && looked.C.Equals(stepped.C) && looked.D.Equals(stepped.D), context);
        Assert.True(AnyTaps.Compute<TOps, TVector, T, TIn>(ref source[0], x, taps, weights).Equals(EvenTaps.Compute<TOps, TVector, T, TIn>(ref source[0], x, taps, weights)), context);
    }
}
