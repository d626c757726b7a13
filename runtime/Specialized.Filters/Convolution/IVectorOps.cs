namespace Specialized.Filters.Convolution;

/// <summary>
/// The handful of lane-wise operations the convolution loops need, over one vector width. Loops are written
/// once against this interface and instantiated for <see cref="System.Runtime.Intrinsics.Vector512{T}"/>,
/// <see cref="System.Runtime.Intrinsics.Vector256{T}"/>, <see cref="System.Runtime.Intrinsics.Vector128{T}"/> and plain
/// scalars (the idea of TensorPrimitives' operator structs), so every width computes exactly the same lanes.
/// </summary>
/// <typeparam name="TVector">The vector type, or <typeparamref name="T"/> itself for the scalar path.</typeparam>
/// <typeparam name="T">The lane type.</typeparam>
internal interface IVectorOps<TVector, T>
    where TVector : struct
    where T : unmanaged
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    static abstract TVector Load(ref T source, nint offset);

    static abstract void Store(TVector value, ref T destination, nint offset);

    static abstract TVector Broadcast(T value);

    static abstract TVector Add(TVector left, TVector right);

    /// <summary>Lane-wise product; integer lanes keep the low bits, like the hardware.</summary>
    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>Integer lanes only.</summary>
    static abstract TVector ShiftRightLogical(TVector value, int count);

    /// <summary>Integer lanes only.</summary>
    static abstract TVector And(TVector left, TVector right);
}
