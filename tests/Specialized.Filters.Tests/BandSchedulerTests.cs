using System;
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
