namespace Specialized.Filters.Convolution;

/// <summary>
/// The lane-wise operations the convolution loops need, over one vector width. Loops are written once against
/// this interface and instantiated for <see cref="System.Runtime.Intrinsics.Vector512{T}"/>,
/// <see cref="System.Runtime.Intrinsics.Vector256{T}"/>, <see cref="System.Runtime.Intrinsics.Vector128{T}"/> and plain
/// scalars (the idea of TensorPrimitives' operator structs), so every width computes exactly the same lanes.
/// </summary>
/// <typeparam name="TVector">The vector type, or <typeparamref name="T"/> itself for the scalar path.</typeparam>
/// <typeparam name="T">The lane type: ushort (8-bit images), uint (16-bit), float (16S, 32F) or double (64F).</typeparam>
internal interface IVectorOps<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>
    /// Loads <see cref="Count"/> elements of <typeparamref name="TIn"/> as lanes, widening exactly: byte to ushort,
    /// ushort to uint, short to float, or <typeparamref name="T"/> itself.
    /// </summary>
    static abstract TVector Load<TIn>(ref TIn source, nint offset)
        where TIn : unmanaged;

    /// <summary>
    /// Stores lanes as <see cref="Count"/> elements of <typeparamref name="TOut"/>: itself, or narrowed from lanes
    /// already in range (ushort to byte, uint to ushort), or float to short rounding half to even with saturation.
    /// </summary>
    static abstract void Store<TOut>(TVector value, ref TOut destination, nint offset)
        where TOut : unmanaged;

    static abstract TVector Broadcast(T value);

    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Lane-wise product; integer lanes keep the low bits, like the hardware.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>Integer lanes only.</summary>
    static abstract TVector ShiftRightLogical(TVector value, int count);

    /// <summary>Integer lanes only.</summary>
    static abstract TVector And(TVector left, TVector right);
}
