using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Where every working buffer of a call is rented from and returned to. Each thread has a shelf of its own arrays,
/// which it finds first (they are warm in its core's cache), and takes an idle array from another thread's shelf
/// before it allocates one; what a thread returns beyond its shelf waits on the others' (a call of many bands returns
/// all their rows on the calling thread: without that, eight bands in place allocated 18 KB per call). Lock-free: a
/// slot changes hands by compare-and-swap.
/// <para>
/// Not <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which keeps an array first in a slot of the thread that
/// returned it, where no other thread finds it: a thread-pool worker new to a call's bands (the helper's role passes
/// from worker to worker, and the pool adds threads) rented its rows anew. Measured with two threads, 1920x1080 and
/// 7680x4320, six kinds of call, 6 rounds of 300 calls (30 at 7680x4320) in one process: 4 and 7 of 36 rounds
/// allocated 37-131 KB at a time, in two of three processes.
/// </para>
/// <para>
/// Nor one pool for all threads behind a lock (<see cref="System.Buffers.ArrayPool{T}.Create()"/>, or best fit over a
/// shared list): the caller and the helper of a two-thread call then swap arrays from call to call, each writing rows
/// that sit in the other core's cache, and meet at the lock at every piece. Measured on an Intel Emerald Rapids, two
/// threads, one process: 512x256 8UC3 7x7 57 -> 70 µs (with the thread's own arrays preferred, behind a lock: 58),
/// 32FC1 3x3 23 -> 25-30 µs, 128x128 8UC1 5x5 sigma 1.2 5.1 -> 6.3 µs.
/// </para>
/// </summary>
internal static class ScratchPool<T>
{
    /// <summary>
    /// Shelves, picked by managed thread id (ids are small and reused, so threads alive at once rarely share one;
    /// when they do, they only lose some locality).
    /// </summary>
    internal const int Shelves = 16;

    /// <summary>
    /// Arrays per shelf: a band holds at most five of one element type at once. The slots of one shelf lie in one
    /// stride of two cache lines, so two threads' shelves never share a written line.
    /// </summary>
    internal const int SlotsPerShelf = 8;

    private const int ShelfStride = 16;

    /// <summary>Requests are rounded up to powers of two from here, so that arrays of nearby sizes serve each other.</summary>
    private const int SmallestLength = 16;

    private static readonly T[]?[] s_slots = new T[]?[Shelves * ShelfStride];

    /// <summary>
    /// An array of at least <paramref name="minimumLength"/> elements, whose contents are whatever they were: the
    /// smallest that fits on this thread's shelf, else the smallest that fits on the next shelf that has one, else a new
    /// one.
    /// </summary>
    public static T[] Rent(int minimumLength)
    {
        int home = Environment.CurrentManagedThreadId % Shelves;
        for (int i = 0; i < Shelves; i++)
        {
            if (TakeFrom((home + i) % Shelves, minimumLength) is { } array)
            {
                return array;
            }
        }

        int length = minimumLength <= SmallestLength ? SmallestLength
            : minimumLength > 1 << 30 ? minimumLength
            : (int)BitOperations.RoundUpToPowerOf2((uint)minimumLength);
        return GC.AllocateUninitializedArray<T>(length);
    }

    /// <summary>
    /// Puts <paramref name="array"/> on this thread's shelf, or where that is full on the next shelf with room: a call
    /// of many bands returns all their arrays on the calling thread. Where every shelf is full, this thread's shelf keeps
    /// its larger arrays, which serve every request the smaller ones would: the smallest is dropped.
    /// </summary>
    public static void Return(T[] array)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array); // what the elements refer to must not live on in the pool
        }

        int home = Environment.CurrentManagedThreadId % Shelves;
        for (int i = 0; i < Shelves; i++)
        {
            if (TryPutOn((home + i) % Shelves, array))
            {
                return;
            }
        }

        ReplaceSmaller(home, array);
    }

    /// <summary>Puts <paramref name="array"/> in an empty slot of <paramref name="shelf"/>, if it has one.</summary>
    private static bool TryPutOn(int shelf, T[] array)
    {
        for (int slot = shelf * ShelfStride; slot < shelf * ShelfStride + SlotsPerShelf; slot++)
        {
            if (Volatile.Read(ref s_slots[slot]) is null && Interlocked.CompareExchange(ref s_slots[slot], array, null) is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Puts <paramref name="array"/> in place of the smallest smaller array on <paramref name="shelf"/>, if any.</summary>
    private static void ReplaceSmaller(int shelf, T[] array)
    {
        while (true)
        {
            T[]? smallest = null;
            int smallestSlot = -1;
            for (int slot = shelf * ShelfStride; slot < shelf * ShelfStride + SlotsPerShelf; slot++)
            {
                T[]? kept = Volatile.Read(ref s_slots[slot]);
                if (kept is not null && kept.Length < array.Length && (smallest is null || kept.Length < smallest.Length))
                {
                    (smallest, smallestSlot) = (kept, slot);
                }
            }

            if (smallest is null || Interlocked.CompareExchange(ref s_slots[smallestSlot], array, smallest) == smallest)
            {
                return;
            }
        }
    }

    /// <summary>Takes the smallest array on <paramref name="shelf"/> with at least <paramref name="minimumLength"/> elements.</summary>
    private static T[]? TakeFrom(int shelf, int minimumLength)
    {
        int first = shelf * ShelfStride;
        while (true)
        {
            T[]? best = null;
            int bestSlot = -1;
            for (int slot = first; slot < first + SlotsPerShelf; slot++)
            {
                T[]? array = Volatile.Read(ref s_slots[slot]);
                if (array is not null && array.Length >= minimumLength && (best is null || array.Length < best.Length))
                {
                    (best, bestSlot) = (array, slot);
                }
            }

            if (best is null || Interlocked.CompareExchange(ref s_slots[bestSlot], null, best) == best)
            {
                return best;
            }
        }
    }
}
