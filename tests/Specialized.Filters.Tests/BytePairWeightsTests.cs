using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Specialized.Filters.Convolution;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// <see cref="IVectorOps{TVector, T}.MultiplyAddBytePairs"/> weights the two bytes of a 16-bit lane in one instruction
/// where x86 has it (pmaddubsw, which saturates to a signed lane) and in software elsewhere; within
/// <see cref="BytePairWeights.Fit"/> every width must give the exact sum; <see cref="IVectorOps{TVector, T}.MergeBytePairs"/>
/// blends the bytes of two lanes. Widths the machine does not accelerate run in software, which covers the other paths.
/// </summary>
public class BytePairWeightsTests
{
    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(64, 64, true)] // 255 * 128 = 32640, the most a signed lane holds of such sums
    [InlineData(127, 1, true)]
    [InlineData(0, 128, false)] // not a signed byte
    [InlineData(64, 65, false)] // 255 * 129 overflows a signed lane
    [InlineData(-1, 2, false)]
    public void Weights_fit_where_both_are_signed_bytes_and_the_largest_sum_a_signed_lane(int low, int high, bool fits)
    {
        Assert.Equal(fits, BytePairWeights.Fit(low, high));
    }

    [Fact]
    public void Every_width_gives_the_exact_sum_of_both_weighted_bytes()
    {
        var random = new Random(5);
        var pairs = new byte[128];
        for (int round = 0; round < 2000; round++)
        {
            int low = random.Next(128), high = random.Next(128);
            if (!BytePairWeights.Fit(low, high))
            {
                continue;
            }

            random.NextBytes(pairs);
            pairs[0] = pairs[1] = 255; // the largest sum
            var expected = new ushort[pairs.Length / 2];
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] = (ushort)(pairs[2 * i] * low + pairs[2 * i + 1] * high);
            }

            ushort weights = BytePairWeights.Lane(low, high);
            string context = $"weights {low} and {high}";
            Assert.True(expected.AsSpan().SequenceEqual(Lanes<Vector512Ops<ushort>, Vector512<ushort>>(pairs, weights)), context + ", 512 bits");
            Assert.True(expected.AsSpan().SequenceEqual(Lanes<Vector256Ops<ushort>, Vector256<ushort>>(pairs, weights)), context + ", 256 bits");
            Assert.True(expected.AsSpan().SequenceEqual(Lanes<Vector128Ops<ushort>, Vector128<ushort>>(pairs, weights)), context + ", 128 bits");
            Assert.True(expected.AsSpan().SequenceEqual(Lanes<ScalarOps<ushort>, ushort>(pairs, weights)), context + ", scalars");
        }
    }

    [Fact]
    public void Every_width_merges_the_low_byte_of_one_lane_with_the_high_byte_of_the_other()
    {
        var random = new Random(6);
        var low = new byte[128];
        var high = new byte[128];
        random.NextBytes(low);
        random.NextBytes(high);
        var expected = new byte[128];
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] = i % 2 == 0 ? low[i] : high[i];
        }

        Assert.Equal(expected, Merged<Vector512Ops<ushort>, Vector512<ushort>>(low, high));
        Assert.Equal(expected, Merged<Vector256Ops<ushort>, Vector256<ushort>>(low, high));
        Assert.Equal(expected, Merged<Vector128Ops<ushort>, Vector128<ushort>>(low, high));
        Assert.Equal(expected, Merged<ScalarOps<ushort>, ushort>(low, high));
    }

    private static byte[] Merged<TOps, TVector>(byte[] low, byte[] high)
        where TOps : struct, IVectorOps<TVector, ushort>
        where TVector : struct
    {
        var merged = new byte[low.Length];
        for (int at = 0; at < low.Length; at += 2 * TOps.Count)
        {
            TOps.StoreBytePairs(TOps.MergeBytePairs(TOps.LoadBytePairs(ref low[0], at), TOps.LoadBytePairs(ref high[0], at)), ref merged[0], at, nonTemporal: false);
        }

        return merged;
    }

    private static ushort[] Lanes<TOps, TVector>(byte[] pairs, ushort weights)
        where TOps : struct, IVectorOps<TVector, ushort>
        where TVector : struct
    {
        var sums = new byte[pairs.Length];
        for (int at = 0; at < pairs.Length; at += 2 * TOps.Count)
        {
            TOps.StoreBytePairs(TOps.MultiplyAddBytePairs(TOps.LoadBytePairs(ref pairs[0], at), TOps.Broadcast(weights)), ref sums[0], at, nonTemporal: false);
        }

        return MemoryMarshal.Cast<byte, ushort>(sums).ToArray();
    }
}
