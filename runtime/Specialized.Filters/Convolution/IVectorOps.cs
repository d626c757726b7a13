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
}
