using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Non-temporal (streaming) stores of output rows: see <see cref="BandLayout.ChooseOutput"/> for when and how they
/// are used and what they measured. A store hint only: results never depend on it.
/// </summary>
internal static unsafe class NonTemporal
{
    /// <summary>Streaming stores write whole cache lines, at addresses on a line.</summary>
    public const int CacheLine = 64;

    /// <summary>Whether this hardware has streaming stores that .NET exposes (x86).</summary>
    public static bool IsSupported => Sse2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLineAligned(byte* address) => ((nuint)address & (CacheLine - 1)) == 0;

    /// <summary>
    /// Elements of <typeparamref name="T"/> from <paramref name="address"/> to the next cache-line boundary (0 if it is
    /// on one), or -1 if no element lies on a boundary (an address that is not a multiple of the element size).
    /// </summary>
    public static int ElementsToLine<T>(T* address)
        where T : unmanaged
    {
        nuint bytes = (CacheLine - ((nuint)address & (CacheLine - 1))) & (CacheLine - 1);
        return bytes % (nuint)sizeof(T) == 0 ? (int)(bytes / (nuint)sizeof(T)) : -1;
    }

    /// <summary>
    /// The part [<c>Head</c>, <c>End</c>) of a row of <paramref name="length"/> elements at <paramref name="start"/> to
    /// store with streaming stores: whole cache lines in its middle, the rest to be stored plainly. No line gets both:
    /// a plain store to a line being streamed waits for the line to reach memory and come back (measured: 8UC1 3x3 at
    /// 1920x1080 took three times as long). <paramref name="storedElsewhere"/> elements at each end of the row are
    /// stored plainly by the caller's other means (the fused pass's edges), so each plain end holds at least those;
    /// beyond them it is empty or at least <paramref name="vectorLanes"/> elements (one vector of the widest width), so
    /// that it is not computed element by element (0 where those other means store the ends, however long). <c>Head</c>
    /// is -1 where nothing can be streamed: no element on a line boundary, or too short a row.
    /// </summary>
    public static (int Head, int End) StreamedRange<T>(T* start, int length, int vectorLanes, int storedElsewhere = 0)
        where T : unmanaged
    {
        int line = CacheLine / sizeof(T);
        int head = ElementsToLine(start);
        if (head < 0)
        {
            return (-1, 0);
        }

        head = PlainEnd(head, line, vectorLanes, storedElsewhere);
        int end = length - PlainEnd((length - head) % line, line, vectorLanes, storedElsewhere);
        return end - head < line ? (-1, 0) : (head, end);
    }

    /// <summary>
    /// The elements of a row's plain end, given the <paramref name="elements"/> before its first (or after its last) line
    /// boundary: lines are added until it holds every element stored elsewhere and is either just those or at least a
    /// vector.
    /// </summary>
    private static int PlainEnd(int elements, int line, int vectorLanes, int storedElsewhere)
    {
        while (elements < storedElsewhere || (elements > storedElsewhere && elements < vectorLanes))
        {
            elements += line;
        }

        return elements;
    }

    /// <summary>
    /// Copies <paramref name="source"/> (a row in the cache) to <paramref name="destination"/>: every whole cache line of
    /// the destination is streamed, each with back-to-back stores, and the partial lines at its ends are copied normally.
    /// </summary>
    public static void Copy<T>(ReadOnlySpan<T> source, Span<T> destination)
        where T : unmanaged
    {
        ReadOnlySpan<byte> from = MemoryMarshal.AsBytes(source);
        Span<byte> to = MemoryMarshal.AsBytes(destination)[..from.Length];
        fixed (byte* f = from)
        fixed (byte* t = to)
        {
            int head = (int)((CacheLine - ((nuint)t & (CacheLine - 1))) & (CacheLine - 1));
            if (!IsSupported || head + CacheLine > from.Length)
            {
                from.CopyTo(to);
                return;
            }

            from[..head].CopyTo(to);
            int i = head;
            for (; i <= from.Length - CacheLine; i += CacheLine)
            {
                StreamLine(f + i, t + i);
            }

            from[i..].CopyTo(to[i..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StreamLine(byte* from, byte* to)
    {
        if (Avx512F.IsSupported)
        {
            Avx512F.StoreAlignedNonTemporal(to, Vector512.Load(from));
        }
        else if (Avx.IsSupported)
        {
            Avx.StoreAlignedNonTemporal(to, Vector256.Load(from));
            Avx.StoreAlignedNonTemporal(to + 32, Vector256.Load(from + 32));
        }
        else
        {
            for (int part = 0; part < CacheLine; part += 16)
            {
                Sse2.StoreAlignedNonTemporal(to + part, Vector128.Load(from + part));
            }
        }
    }

    /// <summary>
    /// Orders earlier streaming stores before later stores, so that a thread that sees a band finish also sees its
    /// output (streaming stores are weakly ordered).
    /// </summary>
    public static void Fence()
    {
        if (Sse.IsSupported)
        {
            Sse.StoreFence();
        }
    }
}
