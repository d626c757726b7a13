// Methods for the generator to implement, one per kernel shape worth checking: OpenCV's table sizes, explicit
// and derived sigmas, rectangular kernels, one-tap axes, the largest unrolled size (31) and one beyond it (33, the
// runtime fallback), and every compile-time border as well as run-time borders. Written out by a script once;
// edit freely.
using System.Collections.Generic;

namespace Specialized.Filters.Generated.Tests;

internal static partial class ByteKernels
{
    [GaussianKernel(1, 0.0)]
    internal static partial void K1x1_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(3, 0.0)]
    internal static partial void K3x3_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(5, 0.0)]
    internal static partial void K5x5_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(7, 0.0)]
    internal static partial void K7x7_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(9, 0.0)]
    internal static partial void K9x9_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(11, 0.0)]
    internal static partial void K11x11_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    internal static partial void K5x5_S1p2_1p2_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    internal static partial void K13x13_S2p0_2p0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(0, 1.5)]
    internal static partial void K0x0_S1p5_1p5_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(31, 0.0)]
    internal static partial void K31x31_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(33, 0.0)]
    internal static partial void K33x33_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(7, 3, 2.0, 0.8)]
    internal static partial void K7x3_S2p0_0p8_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(3, 9, 0.0, 1.1)]
    internal static partial void K3x9_S0_1p1_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(1, 5, 0.0, 0.0)]
    internal static partial void K1x5_S0_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(9, 1, 0.7, 0.0)]
    internal static partial void K9x1_S0p7_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(0, 5, 1.1, 0.0)]
    internal static partial void K0x5_S1p1_0_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(5, 0.375)]
    internal static partial void K5x5_S0p375_0p375_Any(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Constant)]
    internal static partial void K5x3_S1p3_0p6_Constant(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Constant)]
    internal static partial void K3x3_S0_0_Constant(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Replicate)]
    internal static partial void K5x3_S1p3_0p6_Replicate(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Replicate)]
    internal static partial void K3x3_S0_0_Replicate(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect)]
    internal static partial void K5x3_S1p3_0p6_Reflect(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect)]
    internal static partial void K3x3_S0_0_Reflect(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Wrap)]
    internal static partial void K5x3_S1p3_0p6_Wrap(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Wrap)]
    internal static partial void K3x3_S0_0_Wrap(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect101)]
    internal static partial void K5x3_S1p3_0p6_Reflect101(ImageView<byte> src, ImageSpan<byte> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect101)]
    internal static partial void K3x3_S0_0_Reflect101(ImageView<byte> src, ImageSpan<byte> dst);

    public static readonly IReadOnlyList<KernelCase<byte>> All =
    [
        new("K1x1_S0_0_Any", 1, 1, 0.0, 0.0, null, K1x1_S0_0_Any),
        new("K3x3_S0_0_Any", 3, 3, 0.0, 0.0, null, K3x3_S0_0_Any),
        new("K5x5_S0_0_Any", 5, 5, 0.0, 0.0, null, K5x5_S0_0_Any),
        new("K7x7_S0_0_Any", 7, 7, 0.0, 0.0, null, K7x7_S0_0_Any),
        new("K9x9_S0_0_Any", 9, 9, 0.0, 0.0, null, K9x9_S0_0_Any),
        new("K11x11_S0_0_Any", 11, 11, 0.0, 0.0, null, K11x11_S0_0_Any),
        new("K5x5_S1p2_1p2_Any", 5, 5, 1.2, 1.2, null, K5x5_S1p2_1p2_Any),
        new("K13x13_S2p0_2p0_Any", 13, 13, 2.0, 2.0, null, K13x13_S2p0_2p0_Any),
        new("K0x0_S1p5_1p5_Any", 0, 0, 1.5, 1.5, null, K0x0_S1p5_1p5_Any),
        new("K31x31_S0_0_Any", 31, 31, 0.0, 0.0, null, K31x31_S0_0_Any),
        new("K33x33_S0_0_Any", 33, 33, 0.0, 0.0, null, K33x33_S0_0_Any),
        new("K7x3_S2p0_0p8_Any", 7, 3, 2.0, 0.8, null, K7x3_S2p0_0p8_Any),
        new("K3x9_S0_1p1_Any", 3, 9, 0.0, 1.1, null, K3x9_S0_1p1_Any),
        new("K1x5_S0_0_Any", 1, 5, 0.0, 0.0, null, K1x5_S0_0_Any),
        new("K9x1_S0p7_0_Any", 9, 1, 0.7, 0.0, null, K9x1_S0p7_0_Any),
        new("K0x5_S1p1_0_Any", 0, 5, 1.1, 0.0, null, K0x5_S1p1_0_Any),
        new("K5x5_S0p375_0p375_Any", 5, 5, 0.375, 0.375, null, K5x5_S0p375_0p375_Any),
        new("K5x3_S1p3_0p6_Constant", 5, 3, 1.3, 0.6, BorderMode.Constant, (s, d, _) => K5x3_S1p3_0p6_Constant(s, d)),
        new("K3x3_S0_0_Constant", 3, 3, 0.0, 0.0, BorderMode.Constant, (s, d, _) => K3x3_S0_0_Constant(s, d)),
        new("K5x3_S1p3_0p6_Replicate", 5, 3, 1.3, 0.6, BorderMode.Replicate, (s, d, _) => K5x3_S1p3_0p6_Replicate(s, d)),
        new("K3x3_S0_0_Replicate", 3, 3, 0.0, 0.0, BorderMode.Replicate, (s, d, _) => K3x3_S0_0_Replicate(s, d)),
        new("K5x3_S1p3_0p6_Reflect", 5, 3, 1.3, 0.6, BorderMode.Reflect, (s, d, _) => K5x3_S1p3_0p6_Reflect(s, d)),
        new("K3x3_S0_0_Reflect", 3, 3, 0.0, 0.0, BorderMode.Reflect, (s, d, _) => K3x3_S0_0_Reflect(s, d)),
        new("K5x3_S1p3_0p6_Wrap", 5, 3, 1.3, 0.6, BorderMode.Wrap, (s, d, _) => K5x3_S1p3_0p6_Wrap(s, d)),
        new("K3x3_S0_0_Wrap", 3, 3, 0.0, 0.0, BorderMode.Wrap, (s, d, _) => K3x3_S0_0_Wrap(s, d)),
        new("K5x3_S1p3_0p6_Reflect101", 5, 3, 1.3, 0.6, BorderMode.Reflect101, (s, d, _) => K5x3_S1p3_0p6_Reflect101(s, d)),
        new("K3x3_S0_0_Reflect101", 3, 3, 0.0, 0.0, BorderMode.Reflect101, (s, d, _) => K3x3_S0_0_Reflect101(s, d)),
    ];
}

internal static partial class UInt16Kernels
{
    [GaussianKernel(1, 0.0)]
    internal static partial void K1x1_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(3, 0.0)]
    internal static partial void K3x3_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(5, 0.0)]
    internal static partial void K5x5_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(7, 0.0)]
    internal static partial void K7x7_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(9, 0.0)]
    internal static partial void K9x9_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(11, 0.0)]
    internal static partial void K11x11_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    internal static partial void K5x5_S1p2_1p2_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    internal static partial void K13x13_S2p0_2p0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(0, 1.5)]
    internal static partial void K0x0_S1p5_1p5_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(31, 0.0)]
    internal static partial void K31x31_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(33, 0.0)]
    internal static partial void K33x33_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(7, 3, 2.0, 0.8)]
    internal static partial void K7x3_S2p0_0p8_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(3, 9, 0.0, 1.1)]
    internal static partial void K3x9_S0_1p1_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(1, 5, 0.0, 0.0)]
    internal static partial void K1x5_S0_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(9, 1, 0.7, 0.0)]
    internal static partial void K9x1_S0p7_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(0, 5, 1.1, 0.0)]
    internal static partial void K0x5_S1p1_0_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(5, 0.375)]
    internal static partial void K5x5_S0p375_0p375_Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Constant)]
    internal static partial void K5x3_S1p3_0p6_Constant(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Constant)]
    internal static partial void K3x3_S0_0_Constant(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Replicate)]
    internal static partial void K5x3_S1p3_0p6_Replicate(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Replicate)]
    internal static partial void K3x3_S0_0_Replicate(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect)]
    internal static partial void K5x3_S1p3_0p6_Reflect(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect)]
    internal static partial void K3x3_S0_0_Reflect(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Wrap)]
    internal static partial void K5x3_S1p3_0p6_Wrap(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Wrap)]
    internal static partial void K3x3_S0_0_Wrap(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect101)]
    internal static partial void K5x3_S1p3_0p6_Reflect101(ImageView<ushort> src, ImageSpan<ushort> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect101)]
    internal static partial void K3x3_S0_0_Reflect101(ImageView<ushort> src, ImageSpan<ushort> dst);

    public static readonly IReadOnlyList<KernelCase<ushort>> All =
    [
        new("K1x1_S0_0_Any", 1, 1, 0.0, 0.0, null, K1x1_S0_0_Any),
        new("K3x3_S0_0_Any", 3, 3, 0.0, 0.0, null, K3x3_S0_0_Any),
        new("K5x5_S0_0_Any", 5, 5, 0.0, 0.0, null, K5x5_S0_0_Any),
        new("K7x7_S0_0_Any", 7, 7, 0.0, 0.0, null, K7x7_S0_0_Any),
        new("K9x9_S0_0_Any", 9, 9, 0.0, 0.0, null, K9x9_S0_0_Any),
        new("K11x11_S0_0_Any", 11, 11, 0.0, 0.0, null, K11x11_S0_0_Any),
        new("K5x5_S1p2_1p2_Any", 5, 5, 1.2, 1.2, null, K5x5_S1p2_1p2_Any),
        new("K13x13_S2p0_2p0_Any", 13, 13, 2.0, 2.0, null, K13x13_S2p0_2p0_Any),
        new("K0x0_S1p5_1p5_Any", 0, 0, 1.5, 1.5, null, K0x0_S1p5_1p5_Any),
        new("K31x31_S0_0_Any", 31, 31, 0.0, 0.0, null, K31x31_S0_0_Any),
        new("K33x33_S0_0_Any", 33, 33, 0.0, 0.0, null, K33x33_S0_0_Any),
        new("K7x3_S2p0_0p8_Any", 7, 3, 2.0, 0.8, null, K7x3_S2p0_0p8_Any),
        new("K3x9_S0_1p1_Any", 3, 9, 0.0, 1.1, null, K3x9_S0_1p1_Any),
        new("K1x5_S0_0_Any", 1, 5, 0.0, 0.0, null, K1x5_S0_0_Any),
        new("K9x1_S0p7_0_Any", 9, 1, 0.7, 0.0, null, K9x1_S0p7_0_Any),
        new("K0x5_S1p1_0_Any", 0, 5, 1.1, 0.0, null, K0x5_S1p1_0_Any),
        new("K5x5_S0p375_0p375_Any", 5, 5, 0.375, 0.375, null, K5x5_S0p375_0p375_Any),
        new("K5x3_S1p3_0p6_Constant", 5, 3, 1.3, 0.6, BorderMode.Constant, (s, d, _) => K5x3_S1p3_0p6_Constant(s, d)),
        new("K3x3_S0_0_Constant", 3, 3, 0.0, 0.0, BorderMode.Constant, (s, d, _) => K3x3_S0_0_Constant(s, d)),
        new("K5x3_S1p3_0p6_Replicate", 5, 3, 1.3, 0.6, BorderMode.Replicate, (s, d, _) => K5x3_S1p3_0p6_Replicate(s, d)),
        new("K3x3_S0_0_Replicate", 3, 3, 0.0, 0.0, BorderMode.Replicate, (s, d, _) => K3x3_S0_0_Replicate(s, d)),
        new("K5x3_S1p3_0p6_Reflect", 5, 3, 1.3, 0.6, BorderMode.Reflect, (s, d, _) => K5x3_S1p3_0p6_Reflect(s, d)),
        new("K3x3_S0_0_Reflect", 3, 3, 0.0, 0.0, BorderMode.Reflect, (s, d, _) => K3x3_S0_0_Reflect(s, d)),
        new("K5x3_S1p3_0p6_Wrap", 5, 3, 1.3, 0.6, BorderMode.Wrap, (s, d, _) => K5x3_S1p3_0p6_Wrap(s, d)),
        new("K3x3_S0_0_Wrap", 3, 3, 0.0, 0.0, BorderMode.Wrap, (s, d, _) => K3x3_S0_0_Wrap(s, d)),
        new("K5x3_S1p3_0p6_Reflect101", 5, 3, 1.3, 0.6, BorderMode.Reflect101, (s, d, _) => K5x3_S1p3_0p6_Reflect101(s, d)),
        new("K3x3_S0_0_Reflect101", 3, 3, 0.0, 0.0, BorderMode.Reflect101, (s, d, _) => K3x3_S0_0_Reflect101(s, d)),
    ];
}

internal static partial class Int16Kernels
{
    [GaussianKernel(1, 0.0)]
    internal static partial void K1x1_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(3, 0.0)]
    internal static partial void K3x3_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(5, 0.0)]
    internal static partial void K5x5_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(7, 0.0)]
    internal static partial void K7x7_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(9, 0.0)]
    internal static partial void K9x9_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(11, 0.0)]
    internal static partial void K11x11_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    internal static partial void K5x5_S1p2_1p2_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    internal static partial void K13x13_S2p0_2p0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(0, 1.5)]
    internal static partial void K0x0_S1p5_1p5_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(31, 0.0)]
    internal static partial void K31x31_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(33, 0.0)]
    internal static partial void K33x33_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(7, 3, 2.0, 0.8)]
    internal static partial void K7x3_S2p0_0p8_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(3, 9, 0.0, 1.1)]
    internal static partial void K3x9_S0_1p1_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(1, 5, 0.0, 0.0)]
    internal static partial void K1x5_S0_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(9, 1, 0.7, 0.0)]
    internal static partial void K9x1_S0p7_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(0, 5, 1.1, 0.0)]
    internal static partial void K0x5_S1p1_0_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(5, 0.375)]
    internal static partial void K5x5_S0p375_0p375_Any(ImageView<short> src, ImageSpan<short> dst, BorderMode border);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Constant)]
    internal static partial void K5x3_S1p3_0p6_Constant(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Constant)]
    internal static partial void K3x3_S0_0_Constant(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Replicate)]
    internal static partial void K5x3_S1p3_0p6_Replicate(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Replicate)]
    internal static partial void K3x3_S0_0_Replicate(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect)]
    internal static partial void K5x3_S1p3_0p6_Reflect(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect)]
    internal static partial void K3x3_S0_0_Reflect(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Wrap)]
    internal static partial void K5x3_S1p3_0p6_Wrap(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Wrap)]
    internal static partial void K3x3_S0_0_Wrap(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect101)]
    internal static partial void K5x3_S1p3_0p6_Reflect101(ImageView<short> src, ImageSpan<short> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect101)]
    internal static partial void K3x3_S0_0_Reflect101(ImageView<short> src, ImageSpan<short> dst);

    public static readonly IReadOnlyList<KernelCase<short>> All =
    [
        new("K1x1_S0_0_Any", 1, 1, 0.0, 0.0, null, K1x1_S0_0_Any),
        new("K3x3_S0_0_Any", 3, 3, 0.0, 0.0, null, K3x3_S0_0_Any),
        new("K5x5_S0_0_Any", 5, 5, 0.0, 0.0, null, K5x5_S0_0_Any),
        new("K7x7_S0_0_Any", 7, 7, 0.0, 0.0, null, K7x7_S0_0_Any),
        new("K9x9_S0_0_Any", 9, 9, 0.0, 0.0, null, K9x9_S0_0_Any),
        new("K11x11_S0_0_Any", 11, 11, 0.0, 0.0, null, K11x11_S0_0_Any),
        new("K5x5_S1p2_1p2_Any", 5, 5, 1.2, 1.2, null, K5x5_S1p2_1p2_Any),
        new("K13x13_S2p0_2p0_Any", 13, 13, 2.0, 2.0, null, K13x13_S2p0_2p0_Any),
        new("K0x0_S1p5_1p5_Any", 0, 0, 1.5, 1.5, null, K0x0_S1p5_1p5_Any),
        new("K31x31_S0_0_Any", 31, 31, 0.0, 0.0, null, K31x31_S0_0_Any),
        new("K33x33_S0_0_Any", 33, 33, 0.0, 0.0, null, K33x33_S0_0_Any),
        new("K7x3_S2p0_0p8_Any", 7, 3, 2.0, 0.8, null, K7x3_S2p0_0p8_Any),
        new("K3x9_S0_1p1_Any", 3, 9, 0.0, 1.1, null, K3x9_S0_1p1_Any),
        new("K1x5_S0_0_Any", 1, 5, 0.0, 0.0, null, K1x5_S0_0_Any),
        new("K9x1_S0p7_0_Any", 9, 1, 0.7, 0.0, null, K9x1_S0p7_0_Any),
        new("K0x5_S1p1_0_Any", 0, 5, 1.1, 0.0, null, K0x5_S1p1_0_Any),
        new("K5x5_S0p375_0p375_Any", 5, 5, 0.375, 0.375, null, K5x5_S0p375_0p375_Any),
        new("K5x3_S1p3_0p6_Constant", 5, 3, 1.3, 0.6, BorderMode.Constant, (s, d, _) => K5x3_S1p3_0p6_Constant(s, d)),
        new("K3x3_S0_0_Constant", 3, 3, 0.0, 0.0, BorderMode.Constant, (s, d, _) => K3x3_S0_0_Constant(s, d)),
        new("K5x3_S1p3_0p6_Replicate", 5, 3, 1.3, 0.6, BorderMode.Replicate, (s, d, _) => K5x3_S1p3_0p6_Replicate(s, d)),
        new("K3x3_S0_0_Replicate", 3, 3, 0.0, 0.0, BorderMode.Replicate, (s, d, _) => K3x3_S0_0_Replicate(s, d)),
        new("K5x3_S1p3_0p6_Reflect", 5, 3, 1.3, 0.6, BorderMode.Reflect, (s, d, _) => K5x3_S1p3_0p6_Reflect(s, d)),
        new("K3x3_S0_0_Reflect", 3, 3, 0.0, 0.0, BorderMode.Reflect, (s, d, _) => K3x3_S0_0_Reflect(s, d)),
        new("K5x3_S1p3_0p6_Wrap", 5, 3, 1.3, 0.6, BorderMode.Wrap, (s, d, _) => K5x3_S1p3_0p6_Wrap(s, d)),
        new("K3x3_S0_0_Wrap", 3, 3, 0.0, 0.0, BorderMode.Wrap, (s, d, _) => K3x3_S0_0_Wrap(s, d)),
        new("K5x3_S1p3_0p6_Reflect101", 5, 3, 1.3, 0.6, BorderMode.Reflect101, (s, d, _) => K5x3_S1p3_0p6_Reflect101(s, d)),
        new("K3x3_S0_0_Reflect101", 3, 3, 0.0, 0.0, BorderMode.Reflect101, (s, d, _) => K3x3_S0_0_Reflect101(s, d)),
    ];
}

internal static partial class SingleKernels
{
    [GaussianKernel(1, 0.0)]
    internal static partial void K1x1_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(3, 0.0)]
    internal static partial void K3x3_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(5, 0.0)]
    internal static partial void K5x5_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(7, 0.0)]
    internal static partial void K7x7_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(9, 0.0)]
    internal static partial void K9x9_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(11, 0.0)]
    internal static partial void K11x11_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    internal static partial void K5x5_S1p2_1p2_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    internal static partial void K13x13_S2p0_2p0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(0, 1.5)]
    internal static partial void K0x0_S1p5_1p5_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(31, 0.0)]
    internal static partial void K31x31_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(33, 0.0)]
    internal static partial void K33x33_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(7, 3, 2.0, 0.8)]
    internal static partial void K7x3_S2p0_0p8_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(3, 9, 0.0, 1.1)]
    internal static partial void K3x9_S0_1p1_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(1, 5, 0.0, 0.0)]
    internal static partial void K1x5_S0_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(9, 1, 0.7, 0.0)]
    internal static partial void K9x1_S0p7_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(0, 5, 1.1, 0.0)]
    internal static partial void K0x5_S1p1_0_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(5, 0.375)]
    internal static partial void K5x5_S0p375_0p375_Any(ImageView<float> src, ImageSpan<float> dst, BorderMode border);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Constant)]
    internal static partial void K5x3_S1p3_0p6_Constant(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Constant)]
    internal static partial void K3x3_S0_0_Constant(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Replicate)]
    internal static partial void K5x3_S1p3_0p6_Replicate(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Replicate)]
    internal static partial void K3x3_S0_0_Replicate(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect)]
    internal static partial void K5x3_S1p3_0p6_Reflect(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect)]
    internal static partial void K3x3_S0_0_Reflect(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Wrap)]
    internal static partial void K5x3_S1p3_0p6_Wrap(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Wrap)]
    internal static partial void K3x3_S0_0_Wrap(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect101)]
    internal static partial void K5x3_S1p3_0p6_Reflect101(ImageView<float> src, ImageSpan<float> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect101)]
    internal static partial void K3x3_S0_0_Reflect101(ImageView<float> src, ImageSpan<float> dst);

    public static readonly IReadOnlyList<KernelCase<float>> All =
    [
        new("K1x1_S0_0_Any", 1, 1, 0.0, 0.0, null, K1x1_S0_0_Any),
        new("K3x3_S0_0_Any", 3, 3, 0.0, 0.0, null, K3x3_S0_0_Any),
        new("K5x5_S0_0_Any", 5, 5, 0.0, 0.0, null, K5x5_S0_0_Any),
        new("K7x7_S0_0_Any", 7, 7, 0.0, 0.0, null, K7x7_S0_0_Any),
        new("K9x9_S0_0_Any", 9, 9, 0.0, 0.0, null, K9x9_S0_0_Any),
        new("K11x11_S0_0_Any", 11, 11, 0.0, 0.0, null, K11x11_S0_0_Any),
        new("K5x5_S1p2_1p2_Any", 5, 5, 1.2, 1.2, null, K5x5_S1p2_1p2_Any),
        new("K13x13_S2p0_2p0_Any", 13, 13, 2.0, 2.0, null, K13x13_S2p0_2p0_Any),
        new("K0x0_S1p5_1p5_Any", 0, 0, 1.5, 1.5, null, K0x0_S1p5_1p5_Any),
        new("K31x31_S0_0_Any", 31, 31, 0.0, 0.0, null, K31x31_S0_0_Any),
        new("K33x33_S0_0_Any", 33, 33, 0.0, 0.0, null, K33x33_S0_0_Any),
        new("K7x3_S2p0_0p8_Any", 7, 3, 2.0, 0.8, null, K7x3_S2p0_0p8_Any),
        new("K3x9_S0_1p1_Any", 3, 9, 0.0, 1.1, null, K3x9_S0_1p1_Any),
        new("K1x5_S0_0_Any", 1, 5, 0.0, 0.0, null, K1x5_S0_0_Any),
        new("K9x1_S0p7_0_Any", 9, 1, 0.7, 0.0, null, K9x1_S0p7_0_Any),
        new("K0x5_S1p1_0_Any", 0, 5, 1.1, 0.0, null, K0x5_S1p1_0_Any),
        new("K5x5_S0p375_0p375_Any", 5, 5, 0.375, 0.375, null, K5x5_S0p375_0p375_Any),
        new("K5x3_S1p3_0p6_Constant", 5, 3, 1.3, 0.6, BorderMode.Constant, (s, d, _) => K5x3_S1p3_0p6_Constant(s, d)),
        new("K3x3_S0_0_Constant", 3, 3, 0.0, 0.0, BorderMode.Constant, (s, d, _) => K3x3_S0_0_Constant(s, d)),
        new("K5x3_S1p3_0p6_Replicate", 5, 3, 1.3, 0.6, BorderMode.Replicate, (s, d, _) => K5x3_S1p3_0p6_Replicate(s, d)),
        new("K3x3_S0_0_Replicate", 3, 3, 0.0, 0.0, BorderMode.Replicate, (s, d, _) => K3x3_S0_0_Replicate(s, d)),
        new("K5x3_S1p3_0p6_Reflect", 5, 3, 1.3, 0.6, BorderMode.Reflect, (s, d, _) => K5x3_S1p3_0p6_Reflect(s, d)),
        new("K3x3_S0_0_Reflect", 3, 3, 0.0, 0.0, BorderMode.Reflect, (s, d, _) => K3x3_S0_0_Reflect(s, d)),
        new("K5x3_S1p3_0p6_Wrap", 5, 3, 1.3, 0.6, BorderMode.Wrap, (s, d, _) => K5x3_S1p3_0p6_Wrap(s, d)),
        new("K3x3_S0_0_Wrap", 3, 3, 0.0, 0.0, BorderMode.Wrap, (s, d, _) => K3x3_S0_0_Wrap(s, d)),
        new("K5x3_S1p3_0p6_Reflect101", 5, 3, 1.3, 0.6, BorderMode.Reflect101, (s, d, _) => K5x3_S1p3_0p6_Reflect101(s, d)),
        new("K3x3_S0_0_Reflect101", 3, 3, 0.0, 0.0, BorderMode.Reflect101, (s, d, _) => K3x3_S0_0_Reflect101(s, d)),
    ];
}

internal static partial class DoubleKernels
{
    [GaussianKernel(1, 0.0)]
    internal static partial void K1x1_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(3, 0.0)]
    internal static partial void K3x3_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(5, 0.0)]
    internal static partial void K5x5_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(7, 0.0)]
    internal static partial void K7x7_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(9, 0.0)]
    internal static partial void K9x9_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(11, 0.0)]
    internal static partial void K11x11_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(5, 1.2)]
    internal static partial void K5x5_S1p2_1p2_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(13, 2.0)]
    internal static partial void K13x13_S2p0_2p0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(0, 1.5)]
    internal static partial void K0x0_S1p5_1p5_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(31, 0.0)]
    internal static partial void K31x31_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(33, 0.0)]
    internal static partial void K33x33_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(7, 3, 2.0, 0.8)]
    internal static partial void K7x3_S2p0_0p8_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(3, 9, 0.0, 1.1)]
    internal static partial void K3x9_S0_1p1_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(1, 5, 0.0, 0.0)]
    internal static partial void K1x5_S0_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(9, 1, 0.7, 0.0)]
    internal static partial void K9x1_S0p7_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(0, 5, 1.1, 0.0)]
    internal static partial void K0x5_S1p1_0_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(5, 0.375)]
    internal static partial void K5x5_S0p375_0p375_Any(ImageView<double> src, ImageSpan<double> dst, BorderMode border);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Constant)]
    internal static partial void K5x3_S1p3_0p6_Constant(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Constant)]
    internal static partial void K3x3_S0_0_Constant(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Replicate)]
    internal static partial void K5x3_S1p3_0p6_Replicate(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Replicate)]
    internal static partial void K3x3_S0_0_Replicate(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect)]
    internal static partial void K5x3_S1p3_0p6_Reflect(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect)]
    internal static partial void K3x3_S0_0_Reflect(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Wrap)]
    internal static partial void K5x3_S1p3_0p6_Wrap(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Wrap)]
    internal static partial void K3x3_S0_0_Wrap(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(5, 3, 1.3, 0.6, Border = BorderMode.Reflect101)]
    internal static partial void K5x3_S1p3_0p6_Reflect101(ImageView<double> src, ImageSpan<double> dst);

    [GaussianKernel(3, 0.0, Border = BorderMode.Reflect101)]
    internal static partial void K3x3_S0_0_Reflect101(ImageView<double> src, ImageSpan<double> dst);

    public static readonly IReadOnlyList<KernelCase<double>> All =
    [
        new("K1x1_S0_0_Any", 1, 1, 0.0, 0.0, null, K1x1_S0_0_Any),
        new("K3x3_S0_0_Any", 3, 3, 0.0, 0.0, null, K3x3_S0_0_Any),
        new("K5x5_S0_0_Any", 5, 5, 0.0, 0.0, null, K5x5_S0_0_Any),
        new("K7x7_S0_0_Any", 7, 7, 0.0, 0.0, null, K7x7_S0_0_Any),
        new("K9x9_S0_0_Any", 9, 9, 0.0, 0.0, null, K9x9_S0_0_Any),
        new("K11x11_S0_0_Any", 11, 11, 0.0, 0.0, null, K11x11_S0_0_Any),
        new("K5x5_S1p2_1p2_Any", 5, 5, 1.2, 1.2, null, K5x5_S1p2_1p2_Any),
        new("K13x13_S2p0_2p0_Any", 13, 13, 2.0, 2.0, null, K13x13_S2p0_2p0_Any),
        new("K0x0_S1p5_1p5_Any", 0, 0, 1.5, 1.5, null, K0x0_S1p5_1p5_Any),
        new("K31x31_S0_0_Any", 31, 31, 0.0, 0.0, null, K31x31_S0_0_Any),
        new("K33x33_S0_0_Any", 33, 33, 0.0, 0.0, null, K33x33_S0_0_Any),
        new("K7x3_S2p0_0p8_Any", 7, 3, 2.0, 0.8, null, K7x3_S2p0_0p8_Any),
        new("K3x9_S0_1p1_Any", 3, 9, 0.0, 1.1, null, K3x9_S0_1p1_Any),
        new("K1x5_S0_0_Any", 1, 5, 0.0, 0.0, null, K1x5_S0_0_Any),
        new("K9x1_S0p7_0_Any", 9, 1, 0.7, 0.0, null, K9x1_S0p7_0_Any),
        new("K0x5_S1p1_0_Any", 0, 5, 1.1, 0.0, null, K0x5_S1p1_0_Any),
        new("K5x5_S0p375_0p375_Any", 5, 5, 0.375, 0.375, null, K5x5_S0p375_0p375_Any),
        new("K5x3_S1p3_0p6_Constant", 5, 3, 1.3, 0.6, BorderMode.Constant, (s, d, _) => K5x3_S1p3_0p6_Constant(s, d)),
        new("K3x3_S0_0_Constant", 3, 3, 0.0, 0.0, BorderMode.Constant, (s, d, _) => K3x3_S0_0_Constant(s, d)),
        new("K5x3_S1p3_0p6_Replicate", 5, 3, 1.3, 0.6, BorderMode.Replicate, (s, d, _) => K5x3_S1p3_0p6_Replicate(s, d)),
        new("K3x3_S0_0_Replicate", 3, 3, 0.0, 0.0, BorderMode.Replicate, (s, d, _) => K3x3_S0_0_Replicate(s, d)),
        new("K5x3_S1p3_0p6_Reflect", 5, 3, 1.3, 0.6, BorderMode.Reflect, (s, d, _) => K5x3_S1p3_0p6_Reflect(s, d)),
        new("K3x3_S0_0_Reflect", 3, 3, 0.0, 0.0, BorderMode.Reflect, (s, d, _) => K3x3_S0_0_Reflect(s, d)),
        new("K5x3_S1p3_0p6_Wrap", 5, 3, 1.3, 0.6, BorderMode.Wrap, (s, d, _) => K5x3_S1p3_0p6_Wrap(s, d)),
        new("K3x3_S0_0_Wrap", 3, 3, 0.0, 0.0, BorderMode.Wrap, (s, d, _) => K3x3_S0_0_Wrap(s, d)),
        new("K5x3_S1p3_0p6_Reflect101", 5, 3, 1.3, 0.6, BorderMode.Reflect101, (s, d, _) => K5x3_S1p3_0p6_Reflect101(s, d)),
        new("K3x3_S0_0_Reflect101", 3, 3, 0.0, 0.0, BorderMode.Reflect101, (s, d, _) => K3x3_S0_0_Reflect101(s, d)),
    ];
}
