using System.ComponentModel;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The lane-wise operations the convolution loops need, over one vector width. Loops are written once against
/// this interface and instantiated for <see cref="System.Runtime.Intrinsics.Vector512{T}"/>,
/// <see cref="System.Runtime.Intrinsics.Vector256{T}"/>, <see cref="System.Runtime.Intrinsics.Vector128{T}"/> and plain
/// scalars (the idea of TensorPrimitives' operator structs), so every width computes exactly the same lanes.
/// Public for code emitted by Specialized.Filters.Generator; not meant to be called directly.
/// </summary>
/// <typeparam name="TVector">The vector type, or <typeparamref name="T"/> itself for the scalar path.</typeparam>
/// <typeparam name="T">The lane type: ushort (8-bit images), uint (16-bit), float (16S, 32F) or double (64F).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IVectorOps<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>
    /// Loads <see cref="Count"/> elements of <typeparamref name="TIn"/> as lanes, widening exactly: byte to ushort,
    /// ushort to uint, short to float, or <typeparamref name="T"/> itself.
    /// </summary>
    /// <param name="source">Element 0.</param>
    /// <param name="offset">Index of the first element to load.</param>
    static abstract TVector Load<TIn>(ref TIn source, nint offset)
        where TIn : unmanaged;

    /// <summary>
    /// Stores lanes as <see cref="Count"/> elements of <typeparamref name="TOut"/>: itself, or narrowed from lanes
    /// already in range (ushort to byte, uint to ushort), or float to short rounding half to even with saturation.
    /// </summary>
    /// <param name="value">The lanes.</param>
    /// <param name="destination">Element 0.</param>
    /// <param name="offset">Index of the first element to store.</param>
    static abstract void Store<TOut>(TVector value, ref TOut destination, nint offset)
        where TOut : unmanaged;

    /// <summary>
    /// <see cref="Store{TOut}(TVector, ref TOut, nint)"/>, or with <paramref name="nonTemporal"/> a non-temporal
    /// (streaming) store where one store fills a whole cache line (a <see cref="System.Runtime.Intrinsics.Vector512{T}"/>
    /// of <typeparamref name="T"/> itself) at an address on a line: the lanes go to memory without the line first being
    /// read into the cache. Elsewhere a plain store. Pass a constant (<see cref="IStoreMode.NonTemporal"/>) so that the
    /// choice folds away. With <paramref name="nonTemporal"/> the destination must be pinned.
    /// </summary>
    static abstract void Store<TOut>(TVector value, ref TOut destination, nint offset, bool nonTemporal)
        where TOut : unmanaged;

    /// <summary>
    /// Loads 2 × <see cref="Count"/> bytes into the 16-bit lanes as they lie: lane i holds byte 2i in its low half and
    /// byte 2i + 1 in its high half (<see cref="And"/> with 0xFF and <see cref="ShiftRightLogical"/> by 8 split them;
    /// vectors rely on little-endian lanes, as on every platform .NET accelerates). <typeparamref name="T"/> must be ushort.
    /// </summary>
    /// <param name="source">Byte 0.</param>
    /// <param name="offset">Index of the first byte to load.</param>
    static abstract TVector LoadBytePairs(ref byte source, nint offset);

    /// <summary>
    /// Stores the 16-bit lanes as 2 × <see cref="Count"/> bytes, the inverse of <see cref="LoadBytePairs"/>; with
    /// <paramref name="nonTemporal"/> as <see cref="Store{TOut}(TVector, ref TOut, nint, bool)"/> stores lanes of
    /// <typeparamref name="T"/> itself. <typeparamref name="T"/> must be ushort.
    /// </summary>
    static abstract void StoreBytePairs(TVector value, ref byte destination, nint offset, bool nonTemporal);

    /// <summary>
    /// Weights the two bytes of each 16-bit lane (as <see cref="LoadBytePairs"/> loads them) and adds them: the low byte
    /// times the low byte of the lane of <paramref name="weights"/> plus the high byte times its high byte, in one
    /// instruction on x86 (pmaddubsw). The hardware saturates to a signed 16-bit lane, so both weights must be at most
    /// 127 and 255 times their sum at most 32767 (<c>BytePairWeights.Fit</c>); then every implementation gives the
    /// exact sum. <typeparamref name="T"/> must be ushort.
    /// </summary>
    static abstract TVector MultiplyAddBytePairs(TVector pairs, TVector weights);

    /// <summary>
    /// Lanes of two bytes (as <see cref="StoreBytePairs"/> stores them) with the low byte of each lane of
    /// <paramref name="low"/> and the high byte of <paramref name="high"/>: one blend on x86, where an or would first
    /// need both shifted into place. <typeparamref name="T"/> must be ushort.
    /// </summary>
    static abstract TVector MergeBytePairs(TVector low, TVector high);

    /// <summary>A vector with every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(T value);

    /// <summary>Lane-wise sum; integer lanes wrap.</summary>
    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Lane-wise product; integer lanes keep the low bits, like the hardware.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>Shifts integer lanes right, filling with zeros.</summary>
    static abstract TVector ShiftRightLogical(TVector value, int count);

    /// <summary>Shifts integer lanes left (multiplies by a power of two, keeping the low bits).</summary>
    static abstract TVector ShiftLeft(TVector value, int count);

    /// <summary>Lane-wise bitwise and of integer lanes.</summary>
    static abstract TVector And(TVector left, TVector right);

    /// <summary>
    /// Whether 16-bit lanes can be weighted and summed exactly in 32 bits (<see cref="WideMultiplyAddLower"/>,
    /// <see cref="WideMultiplyAddUpper"/>, <see cref="WideNarrow"/>): ushort lanes on x86 with SSE4.1, AVX2 or AVX-512BW,
    /// through multiply-add of adjacent pairs (vpmaddwd). Where false, those three throw.
    /// </summary>
    static abstract bool HasWideSums { get; }

    /// <summary>
    /// Whether the hardware has 32 vector registers (AVX-512 at any vector width, Arm64) rather than 16: passes that keep
    /// many vectors live, such as pairs of pixels with wide column sums, run only where they do not spill.
    /// </summary>
    static abstract bool HasThirtyTwoRegisters { get; }

    /// <summary>A vector of wide sums (32-bit lanes) all set to <paramref name="value"/>; also a pair of weights, see <see cref="WideMultiplyAddLower"/>.</summary>
    static abstract TVector WideBroadcast(int value);

    /// <summary>
    /// Adds to the wide sums of the lower half of the lanes of <paramref name="first"/> and <paramref name="second"/>
    /// (the lower four 16-bit lanes of each 128-bit block) <c>first * w0 + second * w1</c>, lane by lane, where
    /// <paramref name="weights"/> holds (w0, w1) as <c>w1 &lt;&lt; 16 | w0</c> in each 32-bit lane. The 16-bit lanes
    /// and weights are signed.
    /// </summary>
    static abstract TVector WideMultiplyAddLower(TVector sums, TVector first, TVector second, TVector weights);

    /// <summary>As <see cref="WideMultiplyAddLower"/>, for the upper half of the lanes (the upper four of each 128-bit block).</summary>
    static abstract TVector WideMultiplyAddUpper(TVector sums, TVector first, TVector second, TVector weights);

    /// <summary>
    /// The 16-bit lanes, in their original order, of the wide sums of the lower and upper halves shifted right by
    /// <paramref name="shift"/> (logically), saturated to 0 .. 65535.
    /// </summary>
    static abstract TVector WideNarrow(TVector lower, TVector upper, int shift);
}
