namespace Specialized.Filters.Convolution;

/// <summary>
/// How a fused pass sums the columns of an 8-bit kernel whose sums overflow a 16-bit lane exactly in 32 bits where x86
/// has vpmaddwd (<c>IVectorOps.HasWideSums</c>), instead of as two halves: the 16-bit row sums are weighted two at a
/// time into 32-bit sums. The row sums must be signed 16-bit values for that, and the fewer terms the better: where
/// twice the largest row sum fits, mirrored rows are added first and weighted together (<see cref="Pairs"/>). A row sum
/// lies in [0, 255 * 2^bitsX]; offsetting every row by -2^(bitsX + 7) (<see cref="OffsetBits"/>) centres it in
/// [-128 * 2^bitsX, 127 * 2^bitsX], which makes a signed lane of an 8-bit horizontal sum (bitsX 8) and lets mirrored
/// rows of a 7-bit one be added (8UC1 5x5 sigma 1.2: three vpmaddwd per half instead of two); the start of the sums
/// adds the offset back. The sums are exact, so the result is the split sums' bit for bit. This file is compiled into
/// both the runtime and the (netstandard2.0) source generator, so that the runtime's fused pass and generated kernels
/// choose alike: keep it free of APIs newer than netstandard2.0.
/// </summary>
/// <param name="Pairs">Whether mirrored rows are added before they are weighted.</param>
/// <param name="Start">What the sums start from: 2^(shift - 1) to round, plus the offset times the vertical kernel's sum where rows are offset.</param>
/// <param name="OffsetBits">Rows are offset by -2^OffsetBits; 0 where they are not.</param>
/// <param name="Shift">The final right shift: the bits of both reduced kernels' sums.</param>
internal readonly record struct WideColumnSums(bool Pairs, int Start, int OffsetBits, int Shift)
{
    /// <summary>Whether every row sum is offset (<see cref="OffsetBits"/>).</summary>
    public bool Offset => OffsetBits != 0;

    /// <summary>What is added to each 16-bit row sum to offset it: -2^<see cref="OffsetBits"/> modulo 2^16, or 0.</summary>
    public ushort RowBias => Offset ? (ushort)(0x10000 - (1 << OffsetBits)) : (ushort)0;

    /// <summary>The wide sums of a kernel whose reduced sums have <paramref name="bitsX"/> and <paramref name="bitsY"/> bits.</summary>
    public static WideColumnSums For(int bitsX, int bitsY)
    {
        int shift = bitsX + bitsY;
        int offsetBits = bitsX >= 7 ? bitsX + 7 : 0; // up to 6 bits, twice a row sum fits a signed lane as it is
        return new(
            Pairs: bitsX <= 7,
            Start: (1 << (shift - 1)) + (offsetBits == 0 ? 0 : 1 << (offsetBits + bitsY)),
            OffsetBits: offsetBits,
            Shift: shift);
    }
}
