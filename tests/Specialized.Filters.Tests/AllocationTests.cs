using System;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>Runs alone: other tests' random kernels would churn the kernel cache while this one measures.</summary>
[CollectionDefinition(nameof(AllocationTests), DisableParallelization = true)]
public class AllocationCollection
{
}

/// <summary>Single-threaded calls allocate nothing once kernels are cached and pooled buffers exist.</summary>
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

    private static void Check<T>(int width, int height, int channels, int ksize, double sigma)
        where T : unmanaged
    {
        var src = new T[width * height * channels];
        var dst = new T[src.Length];
        void Blur() => Filters.GaussianBlur(new ImageView<T>(src, width, height, channels), new ImageSpan<T>(dst, width, height, channels), ksize, sigma);

        // Earlier tests leave garbage; a gen-2 collection during the measurement would let ArrayPool trim the
        // buffers this test warmed up. Settle the heap first so that what is measured is the steady state.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        for (int i = 0; i < 20; i++)
        {
            Blur();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Blur();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{typeof(T).Name} {width}x{height}x{channels} k={ksize}: {allocated} bytes allocated in 50 calls");
    }
}
