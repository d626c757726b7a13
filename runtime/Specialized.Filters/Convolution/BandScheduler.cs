using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Specialized.Filters.Convolution;

/// <summary>Work split into independent pieces numbered 0 to count - 1, any of which may run on any thread.</summary>
internal interface IBandWork
{
    void Run(int index);
}

/// <summary>
/// Runs the pieces of an <see cref="IBandWork"/> on the calling thread and on thread-pool workers, and returns when
/// all are done. Unlike <c>Parallel.For</c> it allocates nothing in steady state: a scheduler per work type is kept
/// for reuse, and that one object is queued once per extra worker (it implements <see cref="IThreadPoolWorkItem"/>).
/// Each thread takes the next piece until none is left.
/// </summary>
/// <remarks>
/// A queued execution may start after the other threads have finished every piece; it then finds nothing to do.
/// <see cref="Run"/> returns only after every queued execution has ended, so the scheduler can be reused at once and a
/// late execution can never pick up a piece of the next call. Concurrent callers with the same work type each get a
/// scheduler of their own; one is kept.
/// </remarks>
internal sealed class BandScheduler<TWork> : IThreadPoolWorkItem
    where TWork : struct, IBandWork
{
    private static BandScheduler<TWork>? s_idle;

    private readonly ManualResetEventSlim _allDone = new(false);
    private TWork _work;
    private int _count;
    private int _next;
    private int _unfinished;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Runs pieces 0 to <paramref name="count"/> - 1 of <paramref name="work"/>, at most <paramref name="count"/> at a time.</summary>
    /// <exception cref="Exception">The first exception a piece threw, rethrown after all pieces have ended.</exception>
    public static void Run(in TWork work, int count)
    {
        BandScheduler<TWork> scheduler = Interlocked.Exchange(ref s_idle, null) ?? new BandScheduler<TWork>();
        scheduler._work = work;
        scheduler._count = count;
        scheduler._next = -1;
        scheduler._unfinished = count + (count - 1); // every piece, and every queued execution
        scheduler._failure = null;
        scheduler._allDone.Reset();
        for (int i = 1; i < count; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(scheduler, preferLocal: false);
        }

        scheduler.TakePieces();
        scheduler._allDone.Wait();
        ExceptionDispatchInfo? failure = scheduler._failure;
        scheduler._work = default; // drop references to the caller's buffers
        Volatile.Write(ref s_idle, scheduler);
        failure?.Throw();
    }

    void IThreadPoolWorkItem.Execute()
    {
        TakePieces();
        Finished();
    }

    private void TakePieces()
    {
        int index;
        while ((index = Interlocked.Increment(ref _next)) < _count)
        {
            try
            {
                _work.Run(index);
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(exception), null);
            }

            Finished();
        }
    }

    private void Finished()
    {
        if (Interlocked.Decrement(ref _unfinished) == 0)
        {
            _allDone.Set();
        }
    }
}
