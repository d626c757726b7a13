using System;
using System.Threading;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>Runs alone: other tests' random kernels would churn the kernel cache while this one measures.</summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public class AllocationCollection
{
}

/// <summary>Calls allocate nothing once kernels are cached and pooled buffers exist, with one thread or several.</summary>
[Collection(nameof(AllocationTests))]
public class AllocationTests
{
    [Fact]
    public void Steady_state_calls_allocate_nothing()
    {
        Check<byte>(1920, 64, 3, 5, 0);
        Check<byte>(640, 48, 1, 0, 1.2);
        Check<ushort>(333, 40, 2, 9, 0);
        Check<short>(200, 40, 4, 7, 1.1);
        Check<float>(1920, 40, 1, 11, 0);
        Check<double>(100, 40, 3, 3, 0.8);
        Check<byte>(1920, 40, 1, 5, 0); // a built-in generated kernel
        Check<float>(700, 40, 4, 7, 0);
    }

    [Fact]
    public void Steady_state_parallel_calls_allocate_nothing()
    {
        // Work runs on thread-pool threads too, so this counts the whole process's allocations. The runtime and the
        // test runner allocate meanwhile (a queue segment, a thread, a test message: once 140 KB in one round with
        // intrinsics off, where calls are slow; about 25 bytes per millisecond on a busy day), so the images are small,
        // which keeps a round of 200 calls within a few milliseconds, and the best of several rounds counts. One
        // allocation per call would add at least 24 bytes to every call, 4800 bytes to every round, which is what this
        // bound excludes. (Alone in a process, 640x300x3 blurs with 2 and 4 threads allocate nothing in 5000 calls.)
        Check<byte>(256, 128, 1, 5, 0, threads: 2, toleratedBytes: 1000);
        Check<float>(96, 128, 3, 0, 1.7, threads: 4, toleratedBytes: 1000);
        Check<ushort>(128, 100, 1, 7, 0, threads: 2, toleratedBytes: 1000);

        // In place, through the ring: the calling thread rents the working rows of all eight bands (more than one
        // thread's shelf of the pool holds) and returns them.
        Check<float>(96, 320, 1, 5, 0, threads: 8, toleratedBytes: 1000, inPlace: true);
    }

    [Fact]
    public void A_thread_new_to_filtering_finds_the_buffers_that_earlier_calls_returned()
    {
        // Thread-pool workers take turns at the bands of parallel calls and the pool adds threads now and then: were the
        // working rows pooled per thread, each such worker would rent them anew (ArrayPool.Shared did, 37-131 KB at a
        // time). Every call here rents both kinds of working rows: the fused pass's edge buffers, and the ring's rows,
        // through which a fused call filters its first and last rows (and an unfused call all of them).
        CheckOnNewThread<byte>(1920, 64, 1, 5, 1.2);
        CheckOnNewThread<float>(700, 40, 3, 7, 0);
        CheckOnNewThread<ushort>(333, 40, 2, 9, 0);
    }

    private static void CheckOnNewThread<T>(int width, int height, int channels, int ksize, double sigma)
        where T : unmanaged
    {
        var src = new T[width * height * channels];
        var dst = new T[src.Length];
        var oneThread = new FilterOptions(1);
        void Blur() => Filters.GaussianBlur(new ImageView<T>(src, width, height, channels), new ImageSpan<T>(dst, width, height, channels), ksize, ksize, sigma, sigma, BorderMode.Reflect101, oneThread);

        for (int i = 0; i < 20; i++)
        {
            Blur();
        }

        long allocated = -1;
        var thread = new Thread(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Blur();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        thread.Start();
        thread.Join();
        Assert.True(allocated == 0, $"{typeof(T).Name} {width}x{height}x{channels} k={ksize}: the first call on a new thread allocated {allocated} bytes");
    }

    private static void Check<T>(
        int width, int height, int channels, int ksize, double sigma, int threads = 1, long toleratedBytes = 0, bool inPlace = false)
        where T : unmanaged
    {
        var options = new FilterOptions(threads);
        var src = new T[width * height * channels];
        var dst = inPlace ? src : new T[src.Length];
        void Blur() => Filters.GaussianBlur(new ImageView<T>(src, width, height, channels), new ImageSpan<T>(dst, width, height, channels), ksize, ksize, sigma, sigma, BorderMode.Reflect101, options);

        // Earlier tests leave garbage: settle the heap first, so that what is measured is the steady state.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (int i = 0; i < 20; i++)
        {
            Blur();
        }

        // One thread is measured exactly (its own allocations), so one round; the whole process gets several, each
        // once the process has gone quiet. In the full suite the test runner still reports earlier tests' results
        // for a while (once over 1000 bytes in each of 5 rounds with intrinsics off): that is time, not calls.
        long allocated = long.MaxValue;
        int calls = threads == 1 ? 50 : 200;
        for (int round = 0; round < (threads == 1 ? 1 : 20) && allocated > toleratedBytes; round++)
        {
            if (threads > 1)
            {
                WaitForQuietProcess();
            }

            long before = Allocated();
            for (int i = 0; i < calls; i++)
            {
                Blur();
            }

            allocated = Math.Min(allocated, Allocated() - before);
        }

        Assert.True(
            allocated <= toleratedBytes,
            $"{typeof(T).Name} {width}x{height}x{channels} k={ksize} threads={threads}: {allocated} bytes allocated in {calls} calls (the best round)");

        long Allocated() => threads == 1 ? GC.GetAllocatedBytesForCurrentThread() : GC.GetTotalAllocatedBytes(precise: true);
    }

    /// <summary>Waits (at most a second) until no thread of the process allocates for 20 ms.</summary>
    private static void WaitForQuietProcess()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            long before = GC.GetTotalAllocatedBytes(precise: true);
            Thread.Sleep(20);
            if (GC.GetTotalAllocatedBytes(precise: true) == before)
            {
                return;
            }
        }
    }
}
