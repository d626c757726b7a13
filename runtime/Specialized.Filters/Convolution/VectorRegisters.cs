using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>How many vector registers the code the JIT emits has, which decides what a pass can keep in them.</summary>
internal static class VectorRegisters
{
    /// <summary>
    /// Whether there are 32 vector registers (AVX-512, whose encoding reaches them at every vector width; Arm64) rather
    /// than the 16 of AVX2 and SSE. A constant for the JIT.
    /// </summary>
    public static bool ThirtyTwo => Avx512F.VL.IsSupported || AdvSimd.Arm64.IsSupported;
}
