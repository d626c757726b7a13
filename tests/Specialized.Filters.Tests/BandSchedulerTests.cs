using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Specialized.Filters.Convolution;
using Xunit;

namespace Specialized.Filters.Tests;

public class BandSchedulerTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(17)]
    public void Every_piece_runs_exactly_once_call_after_call(int count)
    {
        for (int call = 0; call < 200; call++)
        {
            var runs = new int[count];
            BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: -1), count);
            Assert.All(runs, r => Assert.Equal(1, r));
        }
    }

    [Fact]
    public void A_helper_place_is_taken_only_from_the_call_it_belongs_to()
    {
        // Call 7 admits two helpers. An execution that saw pieces of call 6 (which has ended meanwhile) takes nothing.
        long open = 7L << 32 | 2;
        Assert.False(BandScheduler.TryTakeHelperPlace(ref open, generation: 6));
        Assert.Equal(7L << 32 | 2, open);

        Assert.True(BandScheduler.TryTakeHelperPlace(ref open, generation: 7));
        Assert.True(BandScheduler.TryTakeHelperPlace(ref open, generation: 7));
        Assert.False(BandScheduler.TryTakeHelperPlace(ref open, generation: 7)); // none left
        Assert.Equal(7L << 32, open);
    }

    [Fact]
    public void A_failing_piece_surfaces_its_exception_after_the_others_finished()
    {
        var runs = new int[8];
        var thrown = Assert.Throws<InvalidOperationException>(() => BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: 5), runs.Length));
        Assert.Equal("piece 5", thrown.Message);
        Assert.All(runs, r => Assert.Equal(1, r));

        // The scheduler is still usable afterwards.
        var again = new int[4];
        BandScheduler<CountingWork>.Run(new CountingWork(again, failAt: -1), again.Length);
        Assert.All(again, r => Assert.Equal(1, r));
    }

    [Fact]
    public void Concurrent_callers_do_not_share_pieces()
    {
        Parallel.For(0, 4, _ =>
        {
            for (int call = 0; call < 100; call++)
            {
                var runs = new int[5];
                BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: -1), runs.Length);
                Assert.All(runs, r => Assert.Equal(1, r));
            }
        });
    }

    [Fact]
    public void Calls_finish_while_their_workers_are_held_up_and_late_workers_claim_nothing_twice()
    {
        // Hold up the thread pool so that queued executions start late, after their call has returned; they must then
        // either help a later call or find nothing, and every piece of every call must still run exactly once.
        var gate = new ManualResetEventSlim(false); // not disposed: blockers may start after the test ends
        int blockers = Environment.ProcessorCount + 2;
        for (int i = 0; i < blockers; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(_ => gate.Wait(), null);
        }

        try
        {
            for (int call = 0; call < 50; call++)
            {
                var runs = new int[3];
                BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: -1), runs.Length);
                Assert.All(runs, r => Assert.Equal(1, r));
            }
        }
        finally
        {
            gate.Set();
        }

        for (int call = 0; call < 200; call++)
        {
            var runs = new int[3];
            BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: -1), runs.Length);
            Assert.All(runs, r => Assert.Equal(1, r));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_caller_takes_pieces_from_the_start_in_order_and_workers_from_the_end(int threads)
    {
        const int Count = 40;
        int caller = Environment.CurrentManagedThreadId;
        for (int call = 0; call < 100; call++)
        {
            var threadOf = new int[Count];
            var order = new int[Count];
            int claims = 0;
            BandScheduler<RecordingWork>.Run(new RecordingWork(threadOf, order, () => Interlocked.Increment(ref claims)), Count, threads);

            // The caller's pieces are a prefix 0..k-1, run in that order; every other piece ran on another thread.
            int k = 0;
            while (k < Count && threadOf[k] == caller)
            {
                k++;
            }

            Assert.All(threadOf[k..], t => Assert.NotEqual(caller, t));
            for (int i = 1; i < k; i++)
            {
                Assert.True(order[i - 1] < order[i], $"call {call}: the caller ran piece {i} before piece {i - 1}");
            }
        }
    }

    [Fact]
    public void A_call_runs_on_no_more_threads_than_it_asked_for_even_right_after_one_that_asked_for_more()
    {
        // Helpers of a call linger for the next one: they must join it only as far as it admits helpers. Pieces spin a
        // while so that helpers still lingering from the wider call have every chance to join.
        const int Count = 16;
        int caller = Environment.CurrentManagedThreadId;
        int wide = Math.Max(3, Environment.ProcessorCount);
        for (int call = 0; call < 50; call++)
        {
            foreach (int threads in new[] { 1, 2 })
            {
                var threadOf = new int[Count];
                BandScheduler<RecordingWork>.Run(new RecordingWork(threadOf, new int[Count], () => 0), Count, wide);
                threadOf = new int[Count];
                BandScheduler<RecordingWork>.Run(new RecordingWork(threadOf, new int[Count], () => { Thread.SpinWait(20_000); return 0; }), Count, threads);

                Assert.True(threadOf.Distinct().Count() <= threads, $"call {call}: {threadOf.Distinct().Count()} threads ran a call of {threads}");
                if (threads == 1)
                {
                    Assert.All(threadOf, t => Assert.Equal(caller, t));
                }
            }
        }
    }

    [Fact]
    public void A_workers_pieces_run_from_the_end_back()
    {
        // Hold the caller in piece 0 until a worker has run, so that the workers must take pieces from the end.
        const int Count = 6;
        int caller = Environment.CurrentManagedThreadId;
        var threadOf = new int[Count];
        var order = new int[Count];
        int claims = 0;
        using var workerRan = new ManualResetEventSlim(false);
        BandScheduler<RecordingWork>.Run(
            new RecordingWork(threadOf, order, () =>
            {
                int n = Interlocked.Increment(ref claims);
                if (Environment.CurrentManagedThreadId == caller && n == 1)
                {
                    Assert.True(workerRan.Wait(TimeSpan.FromSeconds(30)), "no worker ran while the caller waited");
                }
                else if (Environment.CurrentManagedThreadId != caller)
                {
                    workerRan.Set();
                }

                return n;
            }),
            Count,
            threads: 2);

        Assert.Equal(caller, threadOf[0]);
        Assert.NotEqual(caller, threadOf[Count - 1]);
        for (int i = Count - 1; i > 0 && threadOf[i - 1] != caller; i--)
        {
            Assert.True(order[i] < order[i - 1], $"the worker ran piece {i - 1} before piece {i}");
        }
    }

    [Fact]
    public async Task A_call_of_no_pieces_returns_at_once()
    {
        var runs = new int[1];
        var call = Task.Run(() => BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: -1), 0, 2));
        Assert.Same(call, await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(30))));
        await call;
        Assert.Equal(0, runs[0]);
    }

    [Fact]
    public void More_pieces_than_a_call_can_count_are_refused()
    {
        var runs = new int[1];
        Assert.Throws<ArgumentOutOfRangeException>(() => BandScheduler<CountingWork>.Run(new CountingWork(runs, failAt: -1), BandScheduler.MaxPieces + 1, 2));
        Assert.Equal(0, runs[0]);
    }

    private readonly struct RecordingWork(int[] threadOf, int[] order, Func<int> claim) : IBandWork
    {
        public void Run(int index)
        {
            order[index] = claim();
            threadOf[index] = Environment.CurrentManagedThreadId;
        }
    }

    private readonly struct CountingWork(int[] runs, int failAt) : IBandWork
    {
        public void Run(int index)
        {
            Interlocked.Increment(ref runs[index]);
            if (index == failAt)
            {
                throw new InvalidOperationException($"piece {index}");
            }
        }
    }
}
