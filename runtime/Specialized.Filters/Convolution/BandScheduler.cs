using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Specialized.Filters.Convolution;

/// <summary>Limits shared by every <see cref="BandScheduler{TWork}"/>.</summary>
internal static class BandScheduler
{
    /// <summary>The most pieces a call can have: each end's claims are counted in 16 bits of the scheduler's state.</summary>
    public const int MaxPieces = 0xFFFF;

    /// <summary>
    /// How long a helper keeps watching its scheduler for the next call after the call it helped has ended, before it
    /// goes back to the thread pool, in <see cref="Stopwatch"/> ticks (100 µs). Calls made one after the other (a loop
    /// over frames or tiles, a benchmark) then find their helper running: a thread-pool worker gone to sleep took 40-100
    /// µs to wake when queued again on this machine (a KVM guest), more than 1 ms one time in a hundred, as long as a
    /// whole small call. Measured on an Intel Emerald Rapids at 1920x1080, two threads, 2000 calls in a row: 8UC1
    /// 13x13 sigma 2 ran without its helper in 393 calls (median 721 µs, 90th percentile 1282, one thread 1221), and in
    /// none with the helper lingering (595 / 640 µs); 8UC3 13x13 sigma 2 median 1853 -> 1810 µs, 90th percentile 3421 ->
    /// 1916; 8UC1 3x3 median 71 -> 68 µs. A helper that finds no new call in this window has cost its core that long.
    /// </summary>
    public static readonly long NextCallWindow = Stopwatch.Frequency / 10_000;

    /// <summary>
    /// The longest a helper waits for the call it helped to end (the caller finishing its last piece), in ticks (2 ms):
    /// at 7680x4320 a piece can take longer, and a call that long loses little to waking a helper.
    /// </summary>
    public static readonly long MaxLinger = Stopwatch.Frequency / 500;

    /// <summary>
    /// How long a caller spins for its helpers' last pieces before it blocks, in ticks (1 ms): a blocked caller woke
    /// late as a sleeping helper does. Measured as for <see cref="NextCallWindow"/>, with lingering helpers, caller
    /// blocking at once / spinning: 8UC1 3x3 median 95 / 68 µs, 8UC3 13x13 sigma 2 90th percentile 2357 / 2399 µs.
    /// </summary>
    public static readonly long MaxCallerSpin = Stopwatch.Frequency / 1000;

    /// <summary>
    /// Takes one of the helper places in <paramref name="openHelpers"/> (a call's generation &lt;&lt; 32 | the places
    /// it still has) if they belong to call <paramref name="generation"/> and one is left. A plain decrement let an
    /// execution that had looked at one call take a place of the next, set up meanwhile, which then ran without it.
    /// </summary>
    public static bool TryTakeHelperPlace(ref long openHelpers, long generation)
    {
        while (true)
        {
            long open = Volatile.Read(ref openHelpers);
            if (open >> 32 != generation || (int)open <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref openHelpers, open - 1, open) == open)
            {
                return true;
            }
        }
    }
}

/// <summary>Work split into independent pieces numbered 0 to count - 1, any of which may run on any thread.</summary>
internal interface IBandWork
{
    void Run(int index);
}

/// <summary>
/// Runs the pieces of an <see cref="IBandWork"/> on the calling thread and on thread-pool workers, and returns when
/// all are done. Unlike <c>Parallel.For</c> it allocates nothing in steady state: schedulers are pooled per work type,
/// and each is its own thread-pool work item (<see cref="IThreadPoolWorkItem"/>). Every thread claims the next piece
/// until none is left: the calling thread from the first piece on, the workers from the last one back. So with more
/// pieces than threads a worker that starts late, or shares its core with other work, simply takes fewer pieces, and
/// when both run alike each thread filters about the same contiguous half of the image as in the call before, whose
/// rows may still be in its core's cache. Measured at 1920x1080 with 16 pieces on 2 threads, 8UC1 3x3: pieces claimed
/// in order by whichever thread came first took 92 µs, the two halves as 2 pieces 62 µs.
/// </summary>
/// <remarks>
/// <para>
/// A worker that has run out of pieces does not go back to the thread pool at once: it waits for the call to end and
/// then for <see cref="BandScheduler.NextCallWindow"/> for the next call on its scheduler, which it joins if the call
/// admits another helper (a call takes at most threads - 1 helpers, lingering or queued). A caller that has run out
/// of pieces spins for its helpers' last ones up to <see cref="BandScheduler.MaxCallerSpin"/> before it blocks.
/// </para>
/// <para>
/// A call returns as soon as every piece has ended; it does not wait for a queued worker that has not started. A
/// sleeping worker can take longer to wake than a small image takes to filter: measured with 2 ms between calls, 2
/// threads on 1920x1080 8UC1 3x3 took 229 µs when each call also waited for its worker to run, 188 µs without.
/// </para>
/// <para>
/// A queued execution that starts late helps whatever call is running on its scheduler then, if it admits another
/// helper, or finds nothing to do.
/// Pieces are claimed through one 64-bit word holding the call's generation and the next piece, so an execution can
/// only claim a piece of the call whose work it read. A call queues executions only for helpers not already pending,
/// which bounds the queue and keeps a busy thread pool from making calls allocate.
/// </para>
/// </remarks>
internal sealed class BandScheduler<TWork> : IThreadPoolWorkItem
    where TWork : struct, IBandWork
{
    /// <summary>Schedulers not in a call. Concurrent calls take one each; if none is left, a call makes one.</summary>
    private static readonly BandScheduler<TWork>?[] s_idle = new BandScheduler<TWork>?[4];

    private readonly ManualResetEventSlim _allDone = new(false);
    private TWork _work;
    private int _count;
    private const long PieceMask = BandScheduler.MaxPieces;

    // generation << 32 | pieces claimed from the end << 16 | pieces claimed from the start; the low 32 bits are
    // int.MaxValue while a call is being set up, which claims more than any count.
    private long _state;
    private int _unfinished;
    private int _pending;

    // The current call's generation << 32 | the helpers it still admits: set before the call is published; an execution
    // joins by taking one (BandScheduler.TryTakeHelperPlace), only of the call whose pieces it saw, and one that finds
    // none left leaves the call to the others.
    private long _openHelpers;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Runs pieces 0 to <paramref name="count"/> - 1 of <paramref name="work"/>, one piece per thread at a time.</summary>
    /// <exception cref="Exception">The first exception a piece threw, rethrown after all pieces have ended.</exception>
    public static void Run(in TWork work, int count) => Run(work, count, count);

    /// <summary>
    /// Runs pieces 0 to <paramref name="count"/> - 1 of <paramref name="work"/> on the calling thread and at most
    /// <paramref name="threads"/> - 1 workers: queued for this call, or queued by an earlier one and still running (see
    /// the remarks). With more pieces than threads, a thread that starts late or runs slowly (the other core busy with
    /// other work) takes fewer pieces instead of holding up the call.
    /// </summary>
    /// <exception cref="Exception">The first exception a piece threw, rethrown after all pieces have ended.</exception>
    public static void Run(in TWork work, int count, int threads)
    {
        if ((uint)count > BandScheduler.MaxPieces)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A call runs 0 to {BandScheduler.MaxPieces} pieces.");
        }

        if (count == 0)
        {
            return; // no piece would ever signal that all are done
        }

        BandScheduler<TWork> scheduler = Rent();

        // Close the previous call for claims before its work and count are overwritten: a late execution that read the
        // old state then fails its claim, whatever it reads next.
        long previous = Volatile.Read(ref scheduler._state); // only this call changes it now: every piece was claimed
        Interlocked.Exchange(ref scheduler._state, previous | int.MaxValue);
        long generation = (previous >> 32) + 1;
        scheduler._work = work;
        scheduler._count = count;
        scheduler._unfinished = count;
        scheduler._allDone.Reset();
        // Helpers beyond the other cores would only wait for a core; the threads that run claim every piece anyway.
        int wanted = Math.Min(Math.Min(count, threads), Environment.ProcessorCount) - 1;
        scheduler._openHelpers = (generation & int.MaxValue) << 32 | (uint)wanted;
        Interlocked.Exchange(ref scheduler._state, (generation & int.MaxValue) << 32); // publishes the work: pieces can be claimed from here on
        for (int helpers = Volatile.Read(ref scheduler._pending); helpers < wanted; helpers++)
        {
            Interlocked.Increment(ref scheduler._pending);
            ThreadPool.UnsafeQueueUserWorkItem(scheduler, preferLocal: false);
        }

        scheduler.TakePieces(fromEnd: false, generation & int.MaxValue);
        scheduler.SpinWhileUnfinished();
        scheduler._allDone.Wait();
        ExceptionDispatchInfo? failure = scheduler._failure;
        scheduler._failure = null;
        scheduler._work = default; // drop references to the caller's buffers; every piece is claimed, none reads it
        Return(scheduler);
        failure?.Throw();
    }

    void IThreadPoolWorkItem.Execute()
    {
        while (true)
        {
            // Join only a call seen with pieces to claim, and claim only from it: between the look and the join, that call
            // may end and the next one be set up, whose helper places the join then leaves alone.
            long state = Volatile.Read(ref _state);
            if (HasUnclaimedPieces(state) && BandScheduler.TryTakeHelperPlace(ref _openHelpers, Generation(state)))
            {
                TakePieces(fromEnd: true, Generation(state));
                if (AwaitNextCall(Generation(state)))
                {
                    continue;
                }
            }

            Interlocked.Decrement(ref _pending);

            // A call may have started just before the decrement and counted on this execution: look once more. (A call
            // publishes its open helpers before its pieces.)
            if (!HasUnclaimedPieces() || (int)Volatile.Read(ref _openHelpers) <= 0)
            {
                return;
            }

            Interlocked.Increment(ref _pending);
        }
    }

    /// <summary>
    /// Spins until a call after <paramref name="helped"/> is published (true), or call <paramref name="helped"/> has
    /// ended and no other came within <see cref="BandScheduler.NextCallWindow"/>, or <see cref="BandScheduler.MaxLinger"/>
    /// has passed (false).
    /// </summary>
    private bool AwaitNextCall(long helped)
    {
        long deadline = Stopwatch.GetTimestamp() + BandScheduler.MaxLinger;
        bool ended = false;
        while (Generation(Volatile.Read(ref _state)) == helped) // also while the next call is being set up
        {
            long now = Stopwatch.GetTimestamp();
            if (!ended && Volatile.Read(ref _unfinished) == 0)
            {
                ended = true;
                deadline = Math.Min(deadline, now + BandScheduler.NextCallWindow);
            }

            if (now >= deadline)
            {
                return false;
            }

            Thread.SpinWait(8);
        }

        return true;
    }

    /// <summary>Spins while pieces of the call are running on other threads, up to <see cref="BandScheduler.MaxCallerSpin"/>.</summary>
    private void SpinWhileUnfinished()
    {
        long deadline = Stopwatch.GetTimestamp() + BandScheduler.MaxCallerSpin;
        while (Volatile.Read(ref _unfinished) != 0 && Stopwatch.GetTimestamp() < deadline)
        {
            Thread.SpinWait(8);
        }
    }

    private static BandScheduler<TWork> Rent()
    {
        for (int i = 0; i < s_idle.Length; i++)
        {
            BandScheduler<TWork>? idle = Interlocked.Exchange(ref s_idle[i], null);
            if (idle is not null)
            {
                return idle;
            }
        }

        return new BandScheduler<TWork>();
    }

    private static void Return(BandScheduler<TWork> scheduler)
    {
        for (int i = 0; i < s_idle.Length; i++)
        {
            if (Interlocked.CompareExchange(ref s_idle[i], scheduler, null) is null)
            {
                return;
            }
        }
    }

    private bool HasUnclaimedPieces() => HasUnclaimedPieces(Volatile.Read(ref _state));

    /// <summary>Whether the call of <paramref name="state"/> has pieces left to claim (none while a call is being set up).</summary>
    private bool HasUnclaimedPieces(long state) => Claimed(state) < Volatile.Read(ref _count);

    /// <summary>Pieces claimed from either end; more than any count while a call is being set up.</summary>
    private static int Claimed(long state) => (int)(state & PieceMask) + (int)((state >> 16) & PieceMask);

    /// <summary>The call a state belongs to (while a call is being set up, the one before it).</summary>
    private static long Generation(long state) => state >> 32;

    /// <summary>Runs pieces of call <paramref name="generation"/> until none is left to claim.</summary>
    private void TakePieces(bool fromEnd, long generation)
    {
        while (TryClaim(fromEnd, generation, out TWork work, out int index))
        {
            try
            {
                work.Run(index);
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
            }

            if (Interlocked.Decrement(ref _unfinished) == 0)
            {
                _allDone.Set();
            }
        }
    }

    /// <summary>
    /// Claims the next piece of call <paramref name="generation"/>, if it is still the current one: the lowest
    /// unclaimed piece, or the highest if <paramref name="fromEnd"/>. The work and count are read after the state and
    /// used only if the state is unchanged when the claim succeeds: a new call publishes a new generation only after
    /// every piece of the previous one was claimed and finished, so a successful claim proves they belong to the
    /// claimed call.
    /// </summary>
    private bool TryClaim(bool fromEnd, long generation, out TWork work, out int index)
    {
        while (true)
        {
            long state = Volatile.Read(ref _state);
            int count = Volatile.Read(ref _count);
            if (Generation(state) != generation || Claimed(state) >= count)
            {
                work = default;
                index = -1;
                return false;
            }

            work = _work;
            index = fromEnd ? count - 1 - (int)((state >> 16) & PieceMask) : (int)(state & PieceMask);
            if (Interlocked.CompareExchange(ref _state, state + (fromEnd ? 1L << 16 : 1L), state) == state)
            {
                return true;
            }
        }
    }
}
