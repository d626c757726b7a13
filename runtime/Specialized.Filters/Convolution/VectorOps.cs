// The three structs below are identical except for the vector width and the half-width types that widening
// loads and narrowing stores go through; keep them in step (TensorPrimitives repeats its operators the same way).
// Where x86 has a single instruction for a conversion (vpmovzxbw, vpmovwb, ...) it is used directly: the
// portable Widen/Narrow compile to several. Both forms produce the same lanes.
using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary><see cref="IVectorOps{TVector, T}"/> over <see cref="Vector512{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vector512Ops<T> : IVectorOps<Vector512<T>, T>
    where T : unmanaged
{
    /// <inheritdoc/>
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load<TIn>(ref TIn source, nint offset)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(T))
        {
            return Vector512.LoadUnsafe(ref Unsafe.As<TIn, T>(ref source), (nuint)offset);
        }

        ref TIn at = ref Unsafe.Add(ref source, offset);
        if (typeof(TIn) == typeof(byte))
        {
            Vector256<byte> half = Vector256.LoadUnsafe(ref Unsafe.As<TIn, byte>(ref at));
            return (Avx512BW.IsSupported ? Avx512BW.ConvertToVector512UInt16(half) : Vector512.WidenLower(half.ToVector512Unsafe())).As<ushort, T>();
        }

        if (typeof(TIn) == typeof(ushort))
        {
            Vector256<ushort> half = Vector256.LoadUnsafe(ref Unsafe.As<TIn, ushort>(ref at));
            return (Avx512F.IsSupported ? Avx512F.ConvertToVector512UInt32(half) : Vector512.WidenLower(half.ToVector512Unsafe())).As<uint, T>();
        }

        if (typeof(TIn) == typeof(short))
        {
            Vector256<short> half = Vector256.LoadUnsafe(ref Unsafe.As<TIn, short>(ref at));
            return Vector512.ConvertToSingle(Avx512F.IsSupported ? Avx512F.ConvertToVector512Int32(half) : Vector512.WidenLower(half.ToVector512Unsafe())).As<float, T>();
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(Vector512<T> value, ref TOut destination, nint offset)
        where TOut : unmanaged
    {
        if (typeof(TOut) == typeof(T))
        {
            value.StoreUnsafe(ref Unsafe.As<TOut, T>(ref destination), (nuint)offset);
            return;
        }

        ref TOut at = ref Unsafe.Add(ref destination, offset);
        if (typeof(TOut) == typeof(byte))
        {
            Vector512<ushort> v = value.As<T, ushort>();
            (Avx512BW.IsSupported ? Avx512BW.ConvertToVector256Byte(v) : Vector256.Narrow(v.GetLower(), v.GetUpper())).StoreUnsafe(ref Unsafe.As<TOut, byte>(ref at));
        }
        else if (typeof(TOut) == typeof(ushort))
        {
            Vector512<uint> v = value.As<T, uint>();
            (Avx512F.IsSupported ? Avx512F.ConvertToVector256UInt16(v) : Vector256.Narrow(v.GetLower(), v.GetUpper())).StoreUnsafe(ref Unsafe.As<TOut, ushort>(ref at));
        }
        else if (typeof(TOut) == typeof(short))
        {
            Vector512<int> v = RoundToInt16Range(value.As<T, float>());
            (Avx512F.IsSupported ? Avx512F.ConvertToVector256Int16(v) : Vector256.Narrow(v.GetLower(), v.GetUpper())).StoreUnsafe(ref Unsafe.As<TOut, short>(ref at));
        }
        else
        {
            throw new NotSupportedException();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<TOut>(Vector512<T> value, ref TOut destination, nint offset, bool nonTemporal)
        where TOut : unmanaged
    {
        // One store fills a cache line only without narrowing: streaming half lines was measured 1.5-2x slower (the
        // partial lines reach memory as read-modify-writes), so narrowed stores are never streamed.
        if (nonTemporal && typeof(TOut) == typeof(T) && Avx512F.IsSupported)
        {
            byte* at = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, offset));
            if (NonTemporal.IsLineAligned(at))
            {
                Avx512F.StoreAlignedNonTemporal(at, value.AsByte());
                return;
            }
        }

        Store(value, ref destination, offset);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> LoadBytePairs(ref byte source, nint offset) =>
        typeof(T) == typeof(ushort) ? Vector512.LoadUnsafe(ref source, (nuint)offset).As<byte, T>() : throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBytePairs(Vector512<T> value, ref byte destination, nint offset, bool nonTemporal)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        Store(value, ref Unsafe.As<byte, T>(ref Unsafe.Add(ref destination, offset)), 0, nonTemporal);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAddBytePairs(Vector512<T> pairs, Vector512<T> weights)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        if (Avx512BW.IsSupported)
        {
            return Avx512BW.MultiplyAddAdjacent(pairs.AsByte(), weights.AsSByte()).As<short, T>();
        }

        Vector512<ushort> lowBytes = Vector512.Create((ushort)0xFF);
        Vector512<ushort> lanes = pairs.AsUInt16(), factors = weights.AsUInt16();
        return ((lanes & lowBytes) * (factors & lowBytes) + (lanes >>> 8) * (factors >>> 8)).As<ushort, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MergeBytePairs(Vector512<T> low, Vector512<T> high)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        return Vector512.ConditionalSelect(Vector512.Create((ushort)0xFF00), high.AsUInt16(), low.AsUInt16()).As<ushort, T>(); // vpternlogd
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Add(Vector512<T> left, Vector512<T> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Multiply(Vector512<T> left, Vector512<T> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ShiftRightLogical(Vector512<T> value, int count) => value >>> count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> ShiftLeft(Vector512<T> value, int count) => value << count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> And(Vector512<T> left, Vector512<T> right) => left & right;

    /// <inheritdoc/>
    public static bool HasWideSums => typeof(T) == typeof(ushort) && Avx512BW.IsSupported;

    /// <inheritdoc/>
    public static bool HasThirtyTwoRegisters => VectorRegisters.ThirtyTwo;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> WideBroadcast(int value) => Vector512.Create(value).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> WideMultiplyAddLower(Vector512<T> sums, Vector512<T> first, Vector512<T> second, Vector512<T> weights) =>
        (sums.AsInt32() + Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackLow(first.AsInt16(), second.AsInt16()), weights.AsInt16())).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> WideMultiplyAddUpper(Vector512<T> sums, Vector512<T> first, Vector512<T> second, Vector512<T> weights) =>
        (sums.AsInt32() + Avx512BW.MultiplyAddAdjacent(Avx512BW.UnpackHigh(first.AsInt16(), second.AsInt16()), weights.AsInt16())).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> WideNarrow(Vector512<T> lower, Vector512<T> upper, int shift) =>
        Avx512BW.PackUnsignedSaturate((lower.AsUInt32() >>> shift).AsInt32(), (upper.AsUInt32() >>> shift).AsInt32()).As<ushort, T>();

    /// <summary>Clamps to the short range and rounds half to even (see <see cref="ScalarOps{T}.RoundingMagic"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> RoundToInt16Range(Vector512<float> value)
    {
        Vector512<float> clamped = Vector512.Min(Vector512.Max(value, Vector512.Create(-32768f)), Vector512.Create(32767f));
        Vector512<float> magic = Vector512.Create(ScalarOps<float>.RoundingMagic);
        return Vector512.ConvertToInt32((clamped + magic) - magic);
    }
}

/// <summary><see cref="IVectorOps{TVector, T}"/> over <see cref="Vector256{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vector256Ops<T> : IVectorOps<Vector256<T>, T>
    where T : unmanaged
{
    /// <inheritdoc/>
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load<TIn>(ref TIn source, nint offset)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(T))
        {
            return Vector256.LoadUnsafe(ref Unsafe.As<TIn, T>(ref source), (nuint)offset);
        }

        ref TIn at = ref Unsafe.Add(ref source, offset);
        if (typeof(TIn) == typeof(byte))
        {
            Vector128<byte> half = Vector128.LoadUnsafe(ref Unsafe.As<TIn, byte>(ref at));
            return (Avx2.IsSupported ? Avx2.ConvertToVector256Int16(half).AsUInt16() : Vector256.WidenLower(half.ToVector256Unsafe())).As<ushort, T>();
        }

        if (typeof(TIn) == typeof(ushort))
        {
            Vector128<ushort> half = Vector128.LoadUnsafe(ref Unsafe.As<TIn, ushort>(ref at));
            return (Avx2.IsSupported ? Avx2.ConvertToVector256Int32(half).AsUInt32() : Vector256.WidenLower(half.ToVector256Unsafe())).As<uint, T>();
        }

        if (typeof(TIn) == typeof(short))
        {
            Vector128<short> half = Vector128.LoadUnsafe(ref Unsafe.As<TIn, short>(ref at));
            return Vector256.ConvertToSingle(Avx2.IsSupported ? Avx2.ConvertToVector256Int32(half) : Vector256.WidenLower(half.ToVector256Unsafe())).As<float, T>();
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(Vector256<T> value, ref TOut destination, nint offset)
        where TOut : unmanaged
    {
        if (typeof(TOut) == typeof(T))
        {
            value.StoreUnsafe(ref Unsafe.As<TOut, T>(ref destination), (nuint)offset);
            return;
        }

        ref TOut at = ref Unsafe.Add(ref destination, offset);
        if (typeof(TOut) == typeof(byte))
        {
            Vector256<ushort> v = value.As<T, ushort>();
            (Sse2.IsSupported ? Sse2.PackUnsignedSaturate(v.GetLower().AsInt16(), v.GetUpper().AsInt16()) : Vector128.Narrow(v.GetLower(), v.GetUpper()))
                .StoreUnsafe(ref Unsafe.As<TOut, byte>(ref at));
        }
        else if (typeof(TOut) == typeof(ushort))
        {
            Vector256<uint> v = value.As<T, uint>();
            (Sse41.IsSupported ? Sse41.PackUnsignedSaturate(v.GetLower().AsInt32(), v.GetUpper().AsInt32()) : Vector128.Narrow(v.GetLower(), v.GetUpper()))
                .StoreUnsafe(ref Unsafe.As<TOut, ushort>(ref at));
        }
        else if (typeof(TOut) == typeof(short))
        {
            Vector256<int> v = RoundToInt16Range(value.As<T, float>());
            (Sse2.IsSupported ? Sse2.PackSignedSaturate(v.GetLower(), v.GetUpper()) : Vector128.Narrow(v.GetLower(), v.GetUpper()))
                .StoreUnsafe(ref Unsafe.As<TOut, short>(ref at));
        }
        else
        {
            throw new NotSupportedException();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(Vector256<T> value, ref TOut destination, nint offset, bool nonTemporal)
        where TOut : unmanaged => Store(value, ref destination, offset); // stores narrower than a cache line are not streamed

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> LoadBytePairs(ref byte source, nint offset) =>
        typeof(T) == typeof(ushort) ? Vector256.LoadUnsafe(ref source, (nuint)offset).As<byte, T>() : throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBytePairs(Vector256<T> value, ref byte destination, nint offset, bool nonTemporal)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        Store(value, ref Unsafe.As<byte, T>(ref Unsafe.Add(ref destination, offset)), 0, nonTemporal);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAddBytePairs(Vector256<T> pairs, Vector256<T> weights)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        if (Avx2.IsSupported)
        {
            return Avx2.MultiplyAddAdjacent(pairs.AsByte(), weights.AsSByte()).As<short, T>();
        }

        Vector256<ushort> lowBytes = Vector256.Create((ushort)0xFF);
        Vector256<ushort> lanes = pairs.AsUInt16(), factors = weights.AsUInt16();
        return ((lanes & lowBytes) * (factors & lowBytes) + (lanes >>> 8) * (factors >>> 8)).As<ushort, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MergeBytePairs(Vector256<T> low, Vector256<T> high)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        Vector256<ushort> highBytes = Vector256.Create((ushort)0xFF00);
        if (Avx2.IsSupported && !Avx512F.VL.IsSupported) // with AVX-512 the select is one vpternlogd
        {
            return Avx2.BlendVariable(low.AsByte(), high.AsByte(), highBytes.AsByte()).As<byte, T>();
        }

        return Vector256.ConditionalSelect(highBytes, high.AsUInt16(), low.AsUInt16()).As<ushort, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Add(Vector256<T> left, Vector256<T> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Multiply(Vector256<T> left, Vector256<T> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ShiftRightLogical(Vector256<T> value, int count) => value >>> count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> ShiftLeft(Vector256<T> value, int count) => value << count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> And(Vector256<T> left, Vector256<T> right) => left & right;

    /// <inheritdoc/>
    public static bool HasWideSums => typeof(T) == typeof(ushort) && Avx2.IsSupported;

    /// <inheritdoc/>
    public static bool HasThirtyTwoRegisters => VectorRegisters.ThirtyTwo;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> WideBroadcast(int value) => Vector256.Create(value).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> WideMultiplyAddLower(Vector256<T> sums, Vector256<T> first, Vector256<T> second, Vector256<T> weights) =>
        (sums.AsInt32() + Avx2.MultiplyAddAdjacent(Avx2.UnpackLow(first.AsInt16(), second.AsInt16()), weights.AsInt16())).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> WideMultiplyAddUpper(Vector256<T> sums, Vector256<T> first, Vector256<T> second, Vector256<T> weights) =>
        (sums.AsInt32() + Avx2.MultiplyAddAdjacent(Avx2.UnpackHigh(first.AsInt16(), second.AsInt16()), weights.AsInt16())).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> WideNarrow(Vector256<T> lower, Vector256<T> upper, int shift) =>
        Avx2.PackUnsignedSaturate((lower.AsUInt32() >>> shift).AsInt32(), (upper.AsUInt32() >>> shift).AsInt32()).As<ushort, T>();

    /// <summary>Clamps to the short range and rounds half to even (see <see cref="ScalarOps{T}.RoundingMagic"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> RoundToInt16Range(Vector256<float> value)
    {
        Vector256<float> clamped = Vector256.Min(Vector256.Max(value, Vector256.Create(-32768f)), Vector256.Create(32767f));
        Vector256<float> magic = Vector256.Create(ScalarOps<float>.RoundingMagic);
        return Vector256.ConvertToInt32((clamped + magic) - magic);
    }
}

/// <summary><see cref="IVectorOps{TVector, T}"/> over <see cref="Vector128{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vector128Ops<T> : IVectorOps<Vector128<T>, T>
    where T : unmanaged
{
    /// <inheritdoc/>
    public static int Count => Vector128<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load<TIn>(ref TIn source, nint offset)
        where TIn : unmanaged
    {
        if (typeof(TIn) == typeof(T))
        {
            return Vector128.LoadUnsafe(ref Unsafe.As<TIn, T>(ref source), (nuint)offset);
        }

        ref TIn at = ref Unsafe.Add(ref source, offset);
        if (typeof(TIn) == typeof(byte))
        {
            return Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<TIn, byte>(ref at))).As<ulong, byte>()).As<ushort, T>();
        }

        if (typeof(TIn) == typeof(ushort))
        {
            return Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<TIn, byte>(ref at))).As<ulong, ushort>()).As<uint, T>();
        }

        if (typeof(TIn) == typeof(short))
        {
            return Vector128.ConvertToSingle(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<TIn, byte>(ref at))).As<ulong, short>())).As<float, T>();
        }

        throw new NotSupportedException();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(Vector128<T> value, ref TOut destination, nint offset)
        where TOut : unmanaged
    {
        if (typeof(TOut) == typeof(T))
        {
            value.StoreUnsafe(ref Unsafe.As<TOut, T>(ref destination), (nuint)offset);
            return;
        }

        ref TOut at = ref Unsafe.Add(ref destination, offset);
        if (typeof(TOut) == typeof(byte))
        {
            Vector128<ushort> v = value.As<T, ushort>();
            Vector128<byte> narrow = Sse2.IsSupported ? Sse2.PackUnsignedSaturate(v.AsInt16(), v.AsInt16()) : Vector128.Narrow(v, v);
            Unsafe.WriteUnaligned(ref Unsafe.As<TOut, byte>(ref at), narrow.AsUInt64().ToScalar());
        }
        else if (typeof(TOut) == typeof(ushort))
        {
            Vector128<uint> v = value.As<T, uint>();
            Vector128<ushort> narrow = Sse41.IsSupported ? Sse41.PackUnsignedSaturate(v.AsInt32(), v.AsInt32()) : Vector128.Narrow(v, v);
            Unsafe.WriteUnaligned(ref Unsafe.As<TOut, byte>(ref at), narrow.AsUInt64().ToScalar());
        }
        else if (typeof(TOut) == typeof(short))
        {
            Vector128<int> v = RoundToInt16Range(value.As<T, float>());
            Vector128<short> narrow = Sse2.IsSupported ? Sse2.PackSignedSaturate(v, v) : Vector128.Narrow(v, v);
            Unsafe.WriteUnaligned(ref Unsafe.As<TOut, byte>(ref at), narrow.AsUInt64().ToScalar());
        }
        else
        {
            throw new NotSupportedException();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TOut>(Vector128<T> value, ref TOut destination, nint offset, bool nonTemporal)
        where TOut : unmanaged => Store(value, ref destination, offset); // stores narrower than a cache line are not streamed

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> LoadBytePairs(ref byte source, nint offset) =>
        typeof(T) == typeof(ushort) ? Vector128.LoadUnsafe(ref source, (nuint)offset).As<byte, T>() : throw new NotSupportedException();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBytePairs(Vector128<T> value, ref byte destination, nint offset, bool nonTemporal)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        Store(value, ref Unsafe.As<byte, T>(ref Unsafe.Add(ref destination, offset)), 0, nonTemporal);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAddBytePairs(Vector128<T> pairs, Vector128<T> weights)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        if (Ssse3.IsSupported)
        {
            return Ssse3.MultiplyAddAdjacent(pairs.AsByte(), weights.AsSByte()).As<short, T>();
        }

        Vector128<ushort> lowBytes = Vector128.Create((ushort)0xFF);
        Vector128<ushort> lanes = pairs.AsUInt16(), factors = weights.AsUInt16();
        return ((lanes & lowBytes) * (factors & lowBytes) + (lanes >>> 8) * (factors >>> 8)).As<ushort, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MergeBytePairs(Vector128<T> low, Vector128<T> high)
    {
        if (typeof(T) != typeof(ushort))
        {
            throw new NotSupportedException();
        }

        Vector128<ushort> highBytes = Vector128.Create((ushort)0xFF00);
        if (Sse41.IsSupported && !Avx512F.VL.IsSupported) // with AVX-512 the select is one vpternlogd
        {
            return Sse41.BlendVariable(low.AsByte(), high.AsByte(), highBytes.AsByte()).As<byte, T>();
        }

        return Vector128.ConditionalSelect(highBytes, high.AsUInt16(), low.AsUInt16()).As<ushort, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Add(Vector128<T> left, Vector128<T> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Multiply(Vector128<T> left, Vector128<T> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ShiftRightLogical(Vector128<T> value, int count) => value >>> count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> ShiftLeft(Vector128<T> value, int count) => value << count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> And(Vector128<T> left, Vector128<T> right) => left & right;

    /// <inheritdoc/>
    public static bool HasWideSums => typeof(T) == typeof(ushort) && Sse41.IsSupported;

    /// <inheritdoc/>
    public static bool HasThirtyTwoRegisters => VectorRegisters.ThirtyTwo;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> WideBroadcast(int value) => Vector128.Create(value).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> WideMultiplyAddLower(Vector128<T> sums, Vector128<T> first, Vector128<T> second, Vector128<T> weights) =>
        (sums.AsInt32() + Sse2.MultiplyAddAdjacent(Sse2.UnpackLow(first.AsInt16(), second.AsInt16()), weights.AsInt16())).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> WideMultiplyAddUpper(Vector128<T> sums, Vector128<T> first, Vector128<T> second, Vector128<T> weights) =>
        (sums.AsInt32() + Sse2.MultiplyAddAdjacent(Sse2.UnpackHigh(first.AsInt16(), second.AsInt16()), weights.AsInt16())).As<int, T>();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> WideNarrow(Vector128<T> lower, Vector128<T> upper, int shift) =>
        Sse41.PackUnsignedSaturate((lower.AsUInt32() >>> shift).AsInt32(), (upper.AsUInt32() >>> shift).AsInt32()).As<ushort, T>();

    /// <summary>Clamps to the short range and rounds half to even (see <see cref="ScalarOps{T}.RoundingMagic"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> RoundToInt16Range(Vector128<float> value)
    {
        Vector128<float> clamped = Vector128.Min(Vector128.Max(value, Vector128.Create(-32768f)), Vector128.Create(32767f));
        Vector128<float> magic = Vector128.Create(ScalarOps<float>.RoundingMagic);
        return Vector128.ConvertToInt32((clamped + magic) - magic);
    }
}
