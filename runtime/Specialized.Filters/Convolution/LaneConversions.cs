using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Converts rows between the image element type and the lane type the passes compute in
/// (byte↔ushort, ushort↔uint, short↔float; float and double compute in place). Each loop runs the widest
/// accelerated width first and finishes with narrower ones, so no element is read or written out of range.
/// </summary>
internal static class LaneConversions
{
    /// <summary>Copies <paramref name="source"/> into <paramref name="destination"/>, widening each element exactly.</summary>
    public static void Widen<TSrc, TLane>(ReadOnlySpan<TSrc> source, Span<TLane> destination)
        where TSrc : unmanaged
        where TLane : unmanaged
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination too short.", nameof(destination));
        }

        if (typeof(TSrc) == typeof(TLane))
        {
            MemoryMarshal.Cast<TSrc, TLane>(source).CopyTo(destination);
        }
        else if (typeof(TSrc) == typeof(byte) && typeof(TLane) == typeof(ushort))
        {
            WidenBytes(MemoryMarshal.Cast<TSrc, byte>(source), MemoryMarshal.Cast<TLane, ushort>(destination));
        }
        else if (typeof(TSrc) == typeof(ushort) && typeof(TLane) == typeof(uint))
        {
            WidenUInt16(MemoryMarshal.Cast<TSrc, ushort>(source), MemoryMarshal.Cast<TLane, uint>(destination));
        }
        else if (typeof(TSrc) == typeof(short) && typeof(TLane) == typeof(float))
        {
            WidenInt16ToSingle(MemoryMarshal.Cast<TSrc, short>(source), MemoryMarshal.Cast<TLane, float>(destination));
        }
        else
        {
            throw new NotSupportedException($"No widening from {typeof(TSrc)} to {typeof(TLane)}.");
        }
    }

    /// <summary>
    /// Stores lanes as image elements: a truncating narrow for the integer paths (whose results are already in
    /// range), round-half-to-even with saturation for float to short, a copy for float and double.
    /// </summary>
    public static void Narrow<TLane, TDst>(ReadOnlySpan<TLane> source, Span<TDst> destination)
        where TLane : unmanaged
        where TDst : unmanaged
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Destination too short.", nameof(destination));
        }

        if (typeof(TLane) == typeof(TDst))
        {
            MemoryMarshal.Cast<TLane, TDst>(source).CopyTo(destination);
        }
        else if (typeof(TLane) == typeof(ushort) && typeof(TDst) == typeof(byte))
        {
            NarrowUInt16(MemoryMarshal.Cast<TLane, ushort>(source), MemoryMarshal.Cast<TDst, byte>(destination));
        }
        else if (typeof(TLane) == typeof(uint) && typeof(TDst) == typeof(ushort))
        {
            NarrowUInt32(MemoryMarshal.Cast<TLane, uint>(source), MemoryMarshal.Cast<TDst, ushort>(destination));
        }
        else if (typeof(TLane) == typeof(float) && typeof(TDst) == typeof(short))
        {
            RoundToInt16(MemoryMarshal.Cast<TLane, float>(source), MemoryMarshal.Cast<TDst, short>(destination));
        }
        else
        {
            throw new NotSupportedException($"No narrowing from {typeof(TLane)} to {typeof(TDst)}.");
        }
    }

    private static void WidenBytes(ReadOnlySpan<byte> source, Span<ushort> destination)
    {
        ref byte s = ref MemoryMarshal.GetReference(source);
        ref ushort d = ref MemoryMarshal.GetReference(destination);
        int n = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                (Vector512<ushort> lower, Vector512<ushort> upper) = Vector512.Widen(Vector512.LoadUnsafe(ref s, (nuint)i));
                lower.StoreUnsafe(ref d, (nuint)i);
                upper.StoreUnsafe(ref d, (nuint)(i + Vector512<ushort>.Count));
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                (Vector256<ushort> lower, Vector256<ushort> upper) = Vector256.Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
                lower.StoreUnsafe(ref d, (nuint)i);
                upper.StoreUnsafe(ref d, (nuint)(i + Vector256<ushort>.Count));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                (Vector128<ushort> lower, Vector128<ushort> upper) = Vector128.Widen(Vector128.LoadUnsafe(ref s, (nuint)i));
                lower.StoreUnsafe(ref d, (nuint)i);
                upper.StoreUnsafe(ref d, (nuint)(i + Vector128<ushort>.Count));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i);
        }
    }

    private static void WidenUInt16(ReadOnlySpan<ushort> source, Span<uint> destination)
    {
        ref ushort s = ref MemoryMarshal.GetReference(source);
        ref uint d = ref MemoryMarshal.GetReference(destination);
        int n = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                (Vector512<uint> lower, Vector512<uint> upper) = Vector512.Widen(Vector512.LoadUnsafe(ref s, (nuint)i));
                lower.StoreUnsafe(ref d, (nuint)i);
                upper.StoreUnsafe(ref d, (nuint)(i + Vector512<uint>.Count));
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                (Vector256<uint> lower, Vector256<uint> upper) = Vector256.Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
                lower.StoreUnsafe(ref d, (nuint)i);
                upper.StoreUnsafe(ref d, (nuint)(i + Vector256<uint>.Count));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                (Vector128<uint> lower, Vector128<uint> upper) = Vector128.Widen(Vector128.LoadUnsafe(ref s, (nuint)i));
                lower.StoreUnsafe(ref d, (nuint)i);
                upper.StoreUnsafe(ref d, (nuint)(i + Vector128<uint>.Count));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i);
        }
    }

    private static void WidenInt16ToSingle(ReadOnlySpan<short> source, Span<float> destination)
    {
        ref short s = ref MemoryMarshal.GetReference(source);
        ref float d = ref MemoryMarshal.GetReference(destination);
        int n = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<short>.Count; i += Vector512<short>.Count)
            {
                (Vector512<int> lower, Vector512<int> upper) = Vector512.Widen(Vector512.LoadUnsafe(ref s, (nuint)i));
                Vector512.ConvertToSingle(lower).StoreUnsafe(ref d, (nuint)i);
                Vector512.ConvertToSingle(upper).StoreUnsafe(ref d, (nuint)(i + Vector512<int>.Count));
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                (Vector256<int> lower, Vector256<int> upper) = Vector256.Widen(Vector256.LoadUnsafe(ref s, (nuint)i));
                Vector256.ConvertToSingle(lower).StoreUnsafe(ref d, (nuint)i);
                Vector256.ConvertToSingle(upper).StoreUnsafe(ref d, (nuint)(i + Vector256<int>.Count));
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<short>.Count; i += Vector128<short>.Count)
            {
                (Vector128<int> lower, Vector128<int> upper) = Vector128.Widen(Vector128.LoadUnsafe(ref s, (nuint)i));
                Vector128.ConvertToSingle(lower).StoreUnsafe(ref d, (nuint)i);
                Vector128.ConvertToSingle(upper).StoreUnsafe(ref d, (nuint)(i + Vector128<int>.Count));
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i);
        }
    }

    private static void NarrowUInt16(ReadOnlySpan<ushort> source, Span<byte> destination)
    {
        ref ushort s = ref MemoryMarshal.GetReference(source);
        ref byte d = ref MemoryMarshal.GetReference(destination);
        int n = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<byte>.Count; i += Vector512<byte>.Count)
            {
                Vector512.Narrow(Vector512.LoadUnsafe(ref s, (nuint)i), Vector512.LoadUnsafe(ref s, (nuint)(i + Vector512<ushort>.Count)))
                    .StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<byte>.Count; i += Vector256<byte>.Count)
            {
                Vector256.Narrow(Vector256.LoadUnsafe(ref s, (nuint)i), Vector256.LoadUnsafe(ref s, (nuint)(i + Vector256<ushort>.Count)))
                    .StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Vector128.Narrow(Vector128.LoadUnsafe(ref s, (nuint)i), Vector128.LoadUnsafe(ref s, (nuint)(i + Vector128<ushort>.Count)))
                    .StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = (byte)Unsafe.Add(ref s, i);
        }
    }

    private static void NarrowUInt32(ReadOnlySpan<uint> source, Span<ushort> destination)
    {
        ref uint s = ref MemoryMarshal.GetReference(source);
        ref ushort d = ref MemoryMarshal.GetReference(destination);
        int n = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<ushort>.Count; i += Vector512<ushort>.Count)
            {
                Vector512.Narrow(Vector512.LoadUnsafe(ref s, (nuint)i), Vector512.LoadUnsafe(ref s, (nuint)(i + Vector512<uint>.Count)))
                    .StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<ushort>.Count; i += Vector256<ushort>.Count)
            {
                Vector256.Narrow(Vector256.LoadUnsafe(ref s, (nuint)i), Vector256.LoadUnsafe(ref s, (nuint)(i + Vector256<uint>.Count)))
                    .StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                Vector128.Narrow(Vector128.LoadUnsafe(ref s, (nuint)i), Vector128.LoadUnsafe(ref s, (nuint)(i + Vector128<uint>.Count)))
                    .StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = (ushort)Unsafe.Add(ref s, i);
        }
    }

    // Rounds half to even by adding and subtracting 1.5 * 2^23 (exact for |x| <= 2^22 under the default
    // rounding mode), after clamping to the short range; the clamp commutes with the rounding.
    private const float RoundingMagic = 12582912f;

    private static void RoundToInt16(ReadOnlySpan<float> source, Span<short> destination)
    {
        ref float s = ref MemoryMarshal.GetReference(source);
        ref short d = ref MemoryMarshal.GetReference(destination);
        int n = source.Length;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i <= n - Vector512<short>.Count; i += Vector512<short>.Count)
            {
                Vector512.Narrow(
                    Round(Vector512.LoadUnsafe(ref s, (nuint)i)),
                    Round(Vector512.LoadUnsafe(ref s, (nuint)(i + Vector512<float>.Count)))).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i <= n - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                Vector256.Narrow(
                    Round(Vector256.LoadUnsafe(ref s, (nuint)i)),
                    Round(Vector256.LoadUnsafe(ref s, (nuint)(i + Vector256<float>.Count)))).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Vector128.IsHardwareAccelerated)
        {
            for (; i <= n - Vector128<short>.Count; i += Vector128<short>.Count)
            {
                Vector128.Narrow(
                    Round(Vector128.LoadUnsafe(ref s, (nuint)i)),
                    Round(Vector128.LoadUnsafe(ref s, (nuint)(i + Vector128<float>.Count)))).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) = Round(Unsafe.Add(ref s, i));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Round(Vector512<float> value)
    {
        Vector512<float> clamped = Vector512.Min(Vector512.Max(value, Vector512.Create(-32768f)), Vector512.Create(32767f));
        return Vector512.ConvertToInt32(clamped + Vector512.Create(RoundingMagic) - Vector512.Create(RoundingMagic));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Round(Vector256<float> value)
    {
        Vector256<float> clamped = Vector256.Min(Vector256.Max(value, Vector256.Create(-32768f)), Vector256.Create(32767f));
        return Vector256.ConvertToInt32(clamped + Vector256.Create(RoundingMagic) - Vector256.Create(RoundingMagic));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Round(Vector128<float> value)
    {
        Vector128<float> clamped = Vector128.Min(Vector128.Max(value, Vector128.Create(-32768f)), Vector128.Create(32767f));
        return Vector128.ConvertToInt32(clamped + Vector128.Create(RoundingMagic) - Vector128.Create(RoundingMagic));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static short Round(float value)
    {
        float clamped = Math.Min(Math.Max(value, -32768f), 32767f);
        return (short)(int)(clamped + RoundingMagic - RoundingMagic);
    }
}
