using System;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// <see cref="IVectorOps{TVector, T}"/> with one lane: the path taken without SIMD hardware and for rows shorter
/// than a vector. Integer lanes wrap exactly like vector lanes. The type tests fold away at JIT time.
/// </summary>
internal readonly struct ScalarOps<T> : IVectorOps<T, T>
    where T : unmanaged
{
    public static int Count => 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Load(ref T source, nint offset) => Unsafe.Add(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T value, ref T destination, nint offset) => Unsafe.Add(ref destination, offset) = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Broadcast(T value) => value;

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo From<TTo>(T value) => Unsafe.As<T, TTo>(ref value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T To<TFrom>(TFrom value) => Unsafe.As<TFrom, T>(ref value);
}
