using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Where every working buffer of a call is rented from and returned to. Each thread has a shelf of its own arrays,
/// which it finds first (they are warm in its core's cache), and takes an idle array from another thread's shelf
/// before it rents one from <see cref="ArrayPool{T}.Shared"/>; what a thread returns beyond its shelf waits on the
/// others' (a call of many bands returns all their rows on the calling thread: without that, eight bands in place
/// allocated 18 KB per call), and beyond every shelf goes to <see cref="ArrayPool{T}.Shared"/>. Arrays that no call
/// has taken for <see cref="IdleMilliseconds"/> (up to twice that) are let go at a garbage collection, as
/// <see cref="ArrayPool{T}.Shared"/> lets go of its own. Lock-free: a slot changes hands by compare-and-swap.
/// <para>
/// Not <see cref="ArrayPool{T}.Shared"/> alone, which keeps an array first in a slot of the thread that
/// returned it, where no other thread finds it: a thread-pool worker new to a call's bands (the helper's role passes
/// from worker to worker, and the pool adds threads) rented its rows anew. Measured with two threads, 1920x1080 and
/// 7680x4320, six kinds of call, 6 rounds of 300 calls (30 at 7680x4320) in one process: 4 and 7 of 36 rounds
/// allocated 37-131 KB at a time, in two of three processes.
/// </para>
/// <para>
/// Nor one pool for all threads behind a lock (<see cref="ArrayPool{T}.Create()"/>, or best fit over a
/// shared list): the caller and the helper of a two-thread call then swap arrays from call to call, each writing rows
/// that sit in the other core's cache, and meet at the lock at every piece. Measured on an Intel Emerald Rapids, two
/// threads, one process: 512x256 8UC3 7x7 57 -> 70 µs (with the thread's own arrays preferred, behind a lock: 58),
/// 32FC1 3x3 23 -> 25-30 µs, 128x128 8UC1 5x5 sigma 1.2 5.1 -> 6.3 µs.
/// </para>
/// <para>
/// The price against <see cref="ArrayPool{T}.Shared"/>'s thread-local slot is a compare-and-swap per rental and per
/// return, about twenty a call on a small image: 128x128 on one thread took 2-3% longer (8UC3 7x7 19.5-19.8 ->
/// 20.2-20.4 µs), nothing measurable at 1920x1080.
/// </para>
/// </summary>
internal static class ScratchPool<T>
{
    /// <summary>
    /// Shelves, picked by managed thread id (ids are small and reused, so a few threads alive at once rarely share one;
    /// when they do, they only lose some locality). A power of two.
    /// </summary>
    internal const int Shelves = 16;

    /// <summary>
    /// Arrays per shelf: a band holds at most five of one element type at once (a fused band's edges and tile, and the
    /// lanes, padded and staged rows of the ring that filters its first or last rows). The slots of one shelf lie in
    /// one stride of two cache lines (64-bit references), so two shelves never share a line that one thread writes.
    /// </summary>
    internal const int SlotsPerShelf = 8;

    /// <summary>How long an array may lie unused in the pool before a garbage collection lets it go (as ArrayPool).</summary>
    internal const long IdleMilliseconds = 60_000;

    private const int ShelfStride = 16;

    private static readonly T[]?[] s_slots = new T[]?[Shelves * ShelfStride];

    /// <summary>
    /// The <see cref="s_epoch"/> in which each slot's array was returned. An epoch, not a clock: reading the clock at
    /// every return made 128x128 calls 5-8% slower (a dozen returns a call).
    /// </summary>
    private static readonly int[] s_returnedIn = new int[Shelves * ShelfStride];

    /// <summary>Counts the periods of at least <see cref="IdleMilliseconds"/> that <see cref="Trim"/> has seen begin.</summary>
    private static int s_epoch;

    /// <summary>When the current epoch began, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    private static long s_epochStart;

    /// <summary>How many times <see cref="Trim"/> has run; starts the collections' calls to it.</summary>
    private static int s_trims = TrimAfterCollections.Start();

    /// <summary>How many times a garbage collection has had the pool let go of its idle arrays.</summary>
    internal static int Trims => Volatile.Read(ref s_trims);

    /// <summary>
    /// An array of at least <paramref name="minimumLength"/> elements, whose contents are whatever they were: the
    /// smallest that fits on this thread's shelf, else the smallest that fits on the next shelf that has one, else one
    /// from <see cref="ArrayPool{T}.Shared"/> (which rounds lengths up to powers of two, so that arrays of nearby sizes
    /// serve each other).
    /// </summary>
    public static T[] Rent(int minimumLength)
    {
        int home = Environment.CurrentManagedThreadId & (Shelves - 1);
        for (int i = 0; i < Shelves; i++)
        {
            if (TakeFrom((home + i) & (Shelves - 1), minimumLength) is { } array)
            {
                return array;
            }
        }

        return ArrayPool<T>.Shared.Rent(Math.Max(1, minimumLength));
    }

    /// <summary>
    /// Puts <paramref name="array"/> on this thread's shelf, or where that is full on the next shelf with room, or where
    /// every shelf is full in <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static void Return(T[] array)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(array); // what the elements refer to must not live on in the pool
        }

        int home = Environment.CurrentManagedThreadId & (Shelves - 1);
        for (int i = 0; i < Shelves; i++)
        {
            if (TryPutOn((home + i) & (Shelves - 1), array))
            {
                return;
            }
        }

        ArrayPool<T>.Shared.Return(array);
    }

    /// <summary>
    /// Begins a new epoch if the current one began at least <see cref="IdleMilliseconds"/> before <paramref name="now"/>
    /// (in <see cref="Environment.TickCount64"/> milliseconds), and lets go of the arrays last returned before the
    /// previous epoch: they have lain unused for at least that long.
    /// </summary>
    internal static void Trim(long now)
    {
        Interlocked.Increment(ref s_trims);
        long start = Volatile.Read(ref s_epochStart);
        if (now - start < IdleMilliseconds || Interlocked.CompareExchange(ref s_epochStart, now, start) != start)
        {
            return;
        }

        int epoch = Interlocked.Increment(ref s_epoch);
        for (int slot = 0; slot < s_slots.Length; slot++)
        {
            T[]? array = Volatile.Read(ref s_slots[slot]);
            if (array is not null && Volatile.Read(ref s_returnedIn[slot]) < epoch - 1)
            {
                // Lost to a rental in between, the array stays in use; taken and returned in between, it goes early.
                Interlocked.CompareExchange(ref s_slots[slot], null, array);
            }
        }
    }

    /// <summary>Puts <paramref name="array"/> in an empty slot of <paramref name="shelf"/>, if it has one.</summary>
    private static bool TryPutOn(int shelf, T[] array)
    {
        for (int slot = shelf * ShelfStride; slot < shelf * ShelfStride + SlotsPerShelf; slot++)
        {
            if (Volatile.Read(ref s_slots[slot]) is null && Interlocked.CompareExchange(ref s_slots[slot], array, null) is null)
            {
                Volatile.Write(ref s_returnedIn[slot], Volatile.Read(ref s_epoch));
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// An object that nothing refers to, whose finalizer trims the pool and keeps it for the next collection: it runs
    /// after every collection of its generation (in time the second, where it stays), as the runtime's own
    /// Gen2GcCallback does for <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    private sealed class TrimAfterCollections
    {
        public static int Start()
        {
            _ = new TrimAfterCollections();
            return 0;
        }

        ~TrimAfterCollections()
        {
            Trim(Environment.TickCount64);
            GC.ReRegisterForFinalize(this);
        }
    }
}
