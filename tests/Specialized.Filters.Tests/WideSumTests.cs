using System;
using System.Runtime.Intrinsics;
using Specialized.Filters.Convolution;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// The wide sums of <see cref="IVectorOps{TVector, T}"/> (exact 32-bit column sums of 16-bit lanes, used by generated
/// 8-bit kernels whose sums overflow a lane): every lane must come out as plain integer arithmetic says, in its own
/// place, at every vector width the machine has. Lanes hold signed values, as the fused pass gives them.
/// </summary>
public class WideSumTests
{
    [Fact]
    public void Wide_sums_equal_integer_arithmetic_lane_by_lane()
    {
        Check<Vector512Ops<ushort>, Vector512<ushort>>();
        Check<Vector256Ops<ushort>, Vector256<ushort>>();
        Check<Vector128Ops<ushort>, Vector128<ushort>>();
    }

    [Fact]
    public void Scalars_and_wider_lanes_keep_split_sums()
    {
        Assert.False(ScalarOps<ushort>.HasWideSums);
        Assert.False(Vector512Ops<uint>.HasWideSums);
        Assert.False(Vector256Ops<uint>.HasWideSums);
        Assert.Throws<NotSupportedException>(() => ScalarOps<ushort>.WideBroadcast(1));
    }

    private static void Check<TOps, TVector>()
        where TOps : struct, IVectorOps<TVector, ushort>
        where TVector : struct
    {
        if (!TOps.HasWideSums)
        {
            return; // this machine lacks the instructions; the kernels keep split sums here (covered everywhere else)
        }

        var random = new Random(TOps.Count);
        int lanes = TOps.Count;
        for (int round = 0; round < 200; round++)
        {
            var first = new ushort[lanes];
            var second = new ushort[lanes];
            var third = new ushort[lanes];
            for (int i = 0; i < lanes; i++)
            {
                first[i] = (ushort)random.Next(65536);
                second[i] = (ushort)random.Next(65536);
                third[i] = (ushort)random.Next(65536);
            }

            int w0 = random.Next(257), w1 = random.Next(257), w2 = random.Next(257);
            int start = random.Next(1 << 24);
            int shift = random.Next(8, 17);
            TVector a = TOps.Load(ref first[0], 0), b = TOps.Load(ref second[0], 0), c = TOps.Load(ref third[0], 0);
            TVector pair = TOps.WideBroadcast((w1 << 16) | w0), single = TOps.WideBroadcast(w2);
            TVector lower = TOps.WideMultiplyAddLower(TOps.WideBroadcast(start), a, b, pair);
            TVector upper = TOps.WideMultiplyAddUpper(TOps.WideBroadcast(start), a, b, pair);
            lower = TOps.WideMultiplyAddLower(lower, c, default, single);
            upper = TOps.WideMultiplyAddUpper(upper, c, default, single);
            var result = new ushort[lanes];
            TOps.Store(TOps.WideNarrow(lower, upper, shift), ref result[0], 0);
            for (int i = 0; i < lanes; i++)
            {
                long sum = start + (long)(short)first[i] * w0 + (long)(short)second[i] * w1 + (long)(short)third[i] * w2;
                long expected = Math.Clamp((long)((uint)sum >> shift), 0, 65535);
                Assert.True(expected == result[i], $"{typeof(TVector).Name} lane {i}: expected {expected}, got {result[i]}");
            }
        }
    }
}
