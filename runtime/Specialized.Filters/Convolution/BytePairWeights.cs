using System.Collections.Generic;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Which two weights of neighbouring taps one <c>IVectorOps.MultiplyAddBytePairs</c> (x86 pmaddubsw) applies exactly
/// to a pair of pixels: the hardware takes the weights as signed bytes and saturates the sum to a signed 16-bit lane.
/// This file is compiled into both the runtime and the (netstandard2.0) source generator, so that the runtime's fused
/// pass and generated kernels choose alike: keep it free of APIs newer than netstandard2.0.
/// </summary>
internal static class BytePairWeights
{
    /// <summary>Whether both weights are signed bytes and the largest pair of pixels times them fits a signed 16-bit lane.</summary>
    public static bool Fit(int low, int high) =>
        low is >= 0 and <= sbyte.MaxValue && high is >= 0 and <= sbyte.MaxValue && byte.MaxValue * (low + high) <= short.MaxValue;

    /// <summary>
    /// The largest kernel radius a fused pass takes in pairs of pixels: 2 where the sums fit a lane (the pairs' two
    /// windows take the place of two vectors'), 4 where they are wide (summed in 32 bits, with 32 registers): larger
    /// windows spilled even those (Emerald Rapids, 1920x1080 8UC1, generated, one vector / in pairs: 9x9 861 / 627 µs,
    /// 11x11 1055 / 1083, 13x13 sigma 2 1195 / 1786).
    /// </summary>
    public static int MaxRadius(bool wide) => wide ? 4 : 2;

    /// <summary>Whether every two neighbouring weights fit (<see cref="Fit"/>): one pmaddubsw weights each pair of taps.</summary>
    public static bool NeighboursFit(IReadOnlyList<int> weights)
    {
        for (int i = 0; i + 1 < weights.Count; i++)
        {
            if (!Fit(weights[i], weights[i + 1]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 16-bit lane that <c>MultiplyAddBytePairs</c> takes: <paramref name="low"/> in the low byte, <paramref name="high"/> in the high one.</summary>
    public static ushort Lane(int low, int high) => (ushort)(low | high << 8);
}
