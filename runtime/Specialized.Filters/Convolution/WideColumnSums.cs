namespace Specialized.Filters.Convolution;

/// <summary>
/// How a fused pass sums the columns of an 8-bit kernel whose sums overflow a 16-bit lane exactly in 32 bits where x86
/// has vpmaddwd (<c>IVectorOps.HasWideSums</c>), instead of as two halves: the 16-bit row sums are weighted two at a time into 32-bit sums. The row sums must be signed 16-bit
/// values for that: where twice the largest fits, mirrored rows are added first and weighted together
/// (<see cref="Pairs"/>); where the largest does not fit, every row is offset by -2^15 (<see cref="Flip"/>) and the
/// start of the sums adds the offset back. The sums are exact, so the result is the split sums' bit for bit. This file
/// is compiled into both the runtime and the (netstandard2.0) source generator, so that the runtime's fused pass and
/// generated kernels choose alike: keep it free of APIs newer than netstandard2.0.
/// </summary>
/// <param name="Pairs">Whether mirrored rows are added before they are weighted.</param>
/// <param name="Start">What the sums start from: 2^(shift - 1) to round, plus 2^15 times the vertical kernel's sum where rows are offset.</param>
/// <param name="Flip">Added to each row sum: 2^15 where rows are offset (the same as subtracting it in 16 bits), else 0.</param>
/// <param name="Shift">The final right shift: the bits of both reduced kernels' sums.</param>
internal readonly record struct WideColumnSums(bool Pairs, int Start, ushort Flip, int Shift)
{
    private const int LargestPixel = byte.MaxValue;

    /// <summary>Whether every row sum is offset by -2^15 (<see cref="Flip"/>): the largest does not fit a signed 16-bit lane.</summary>
    public bool Offset => Flip != 0;

    /// <summary>The wide sums of a kernel whose reduced sums have <paramref name="bitsX"/> and <paramref name="bitsY"/> bits.</summary>
    public static WideColumnSums For(int bitsX, int bitsY)
    {
        int largestRow = LargestPixel << bitsX;
        int shift = bitsX + bitsY;
        bool offset = largestRow > short.MaxValue;
        return new(
            Pairs: 2 * largestRow <= short.MaxValue,
            Start: (1 << (shift - 1)) + (offset ? 1 << (15 + bitsY) : 0),
            Flip: offset ? (ushort)0x8000 : (ushort)0,
            Shift: shift);
    }
}
