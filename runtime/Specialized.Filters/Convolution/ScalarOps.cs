using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// <see cref="IVectorOps{TVector, T}"/> with one lane: the path taken without SIMD hardware and for rows shorter
/// than a vector. Integer lanes wrap exactly like vector lanes. The type tests fold away at JIT time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarOps<T> : IVectorOps<T, T>
    where T : unmanaged
{
    /// <summary>
    /// 1.5 * 2^23: adding and subtracting it rounds a float of magnitude below 2^22 to an integer, half to even,
    /// under the default rounding mode. Every width rounds float to short this way, so all agree bit for bit.
    /// </summary>
    public const float RoundingMagic = 12582912f;

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load<TIn>(ref TIn source, nint offset)
        where TIn : unmanaged
    {
        TIn value = Unsafe.Add(ref source, offset);
        if (typeof(TIn) == typeof(T))
        {
            return Unsafe.As<TIn, T>(ref value);
        }

        if (typeof(TIn) == typeof(byte))
        {
            return To((ushort)Unsafe.As<TIn, byte>(ref value));
        }

        if (typeof(TIn) == typeof(ushort))
        {
            return To((uint)Unsafe.As<TIn, ushort>(ref value));
        }

        if (typeof(TIn) == typeof(short))
        {
            return To((float)Unsafe.As<TIn, short>(ref value));
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(T value, ref TOut destination, nint offset)
        where TOut : unmanaged
    {
        ref TOut at = ref Unsafe.Add(ref destination, offset);
        if (typeof(TOut) == typeof(T))
        {
            Unsafe.As<TOut, T>(ref at) = value;
        }
        else if (typeof(TOut) == typeof(byte))
        {
            Unsafe.As<TOut, byte>(ref at) = (byte)From<ushort>(value);
        }
        else if (typeof(TOut) == typeof(ushort))
        {
            Unsafe.As<TOut, ushort>(ref at) = (ushort)From<uint>(value);
        }
        else if (typeof(TOut) == typeof(short))
        {
            float clamped = Math.Min(Math.Max(From<float>(value), -32768f), 32767f);
            Unsafe.As<TOut, short>(ref at) = (short)(int)((clamped + RoundingMagic) - RoundingMagic);
        }
        else
        {
            throw new NotSupportedException();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(T value, ref TOut destination, nint offset, bool nonTemporal)
        where TOut : unmanaged => Store(value, ref destination, offset); // stores narrower than a cache line are not streamed

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T LoadBytePairs(ref byte source, nint offset) =>
        typeof(T) == typeof(ushort) ? To((ushort)(Unsafe.Add(ref source, offset) | Unsafe.Add(ref source, offset + 1) << 8)) : throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBytePairs(T value, ref byte destination, nint offset, bool nonTemporal)
    {
        ushort pair = typeof(T) == typeof(ushort) ? From<ushort>(value) : throw new NotSupportedException();
        Unsafe.Add(ref destination, offset) = (byte)pair;
        Unsafe.Add(ref destination, offset + 1) = (byte)(pair >> 8);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MultiplyAddBytePairs(T pairs, T weights)
    {
        ushort lane = typeof(T) == typeof(ushort) ? From<ushort>(pairs) : throw new NotSupportedException();
        ushort factors = From<ushort>(weights);
        return To((ushort)((lane & 0xFF) * (factors & 0xFF) + (lane >> 8) * (factors >> 8)));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T MergeBytePairs(T low, T high)
    {
        ushort lowLane = typeof(T) == typeof(ushort) ? From<ushort>(low) : throw new NotSupportedException();
        return To((ushort)((lowLane & 0xFF) | (From<ushort>(high) & 0xFF00)));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Add(T left, T right)
    {
        if (typeof(T) == typeof(ushort))
        {
            return To((ushort)(From<ushort>(left) + From<ushort>(right)));
        }

        if (typeof(T) == typeof(uint))
        {
            return To(From<uint>(left) + From<uint>(right));
        }

        if (typeof(T) == typeof(float))
        {
            return To(From<float>(left) + From<float>(right));
        }

        if (typeof(T) == typeof(double))
        {
            return To(From<double>(left) + From<double>(right));
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Multiply(T left, T right)
    {
        if (typeof(T) == typeof(ushort))
        {
            return To((ushort)(From<ushort>(left) * From<ushort>(right)));
        }

        if (typeof(T) == typeof(uint))
        {
            return To(From<uint>(left) * From<uint>(right));
        }

        if (typeof(T) == typeof(float))
        {
            return To(From<float>(left) * From<float>(right));
        }

        if (typeof(T) == typeof(double))
        {
            return To(From<double>(left) * From<double>(right));
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ShiftRightLogical(T value, int count)
    {
        if (typeof(T) == typeof(ushort))
        {
            return To((ushort)(From<ushort>(value) >>> count));
        }

        if (typeof(T) == typeof(uint))
        {
            return To(From<uint>(value) >>> count);
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T ShiftLeft(T value, int count)
    {
        if (typeof(T) == typeof(ushort))
        {
            return To((ushort)(From<ushort>(value) << count));
        }

        if (typeof(T) == typeof(uint))
        {
            return To(From<uint>(value) << count);
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T And(T left, T right)
    {
        if (typeof(T) == typeof(ushort))
        {
            return To((ushort)(From<ushort>(left) & From<ushort>(right)));
        }

        if (typeof(T) == typeof(uint))
        {
            return To(From<uint>(left) & From<uint>(right));
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public static bool HasWideSums => false;

    /// <inheritdoc/>
    public static bool HasThirtyTwoRegisters => false; // no vectors

    /// <inheritdoc/>
    public static T WideBroadcast(int value) => throw new NotSupportedException("Scalars keep split sums.");

    /// <inheritdoc/>
    public static T WideMultiplyAddLower(T sums, T first, T second, T weights) => throw new NotSupportedException("Scalars keep split sums.");

    /// <inheritdoc/>
    public static T WideMultiplyAddUpper(T sums, T first, T second, T weights) => throw new NotSupportedException("Scalars keep split sums.");

    /// <inheritdoc/>
    public static T WideNarrow(T lower, T upper, int shift) => throw new NotSupportedException("Scalars keep split sums.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo From<TTo>(T value) => Unsafe.As<T, TTo>(ref value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T To<TFrom>(TFrom value) => Unsafe.As<TFrom, T>(ref value);
}
