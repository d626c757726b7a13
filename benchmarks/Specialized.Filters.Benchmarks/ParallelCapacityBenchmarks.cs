using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// How much a second thread can add on this machine at the time of the run, independent of this library: the same
/// vector arithmetic (no memory traffic) on one thread, then on two threads at once, each doing the whole amount.
/// 1.0x means two free cores; on a virtual machine whose two processors share a physical core, or whose host is busy,
/// it was measured at 1.0-1.7x, and no two-thread blur can do better than that allows. The same for memory: a copy of
/// a 1920x1080 8UC4 image on one thread, then in two halves on two threads at once. The report prints both ratios
/// next to the two-thread goal.
/// </summary>
[SteadyStateJob]
[IterationTime(250)]
public class ParallelCapacityBenchmarks
{
    private const long Steps = 20_000_000;

    private readonly byte[] _source = new byte[1920 * 1080 * 4];
    private readonly byte[] _destination = new byte[1920 * 1080 * 4];

    [Benchmark(Baseline = true, Description = "One thread")]
    public float OneThread() => Arithmetic(Steps);

    [Benchmark(Description = "Two threads")]
    public float TwoThreads()
    {
        float a = 0, b = 0;
        Parallel.Invoke(() => a = Arithmetic(Steps), () => b = Arithmetic(Steps));
        return a + b;
    }

    [Benchmark(Description = "Copy, one thread")]
    public void CopyOneThread() => _source.AsSpan().CopyTo(_destination);

    [Benchmark(Description = "Copy, two threads")]
    public void CopyTwoThreads()
    {
        int half = _source.Length / 2;
        Parallel.Invoke(() => _source.AsSpan(0, half).CopyTo(_destination), () => _source.AsSpan(half).CopyTo(_destination.AsSpan(half)));
    }

    /// <summary>Four independent multiply-add chains, enough to keep a core's vector units busy.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Arithmetic(long steps)
    {
        Vector512<float> m = Vector512.Create(0.9999f), k = Vector512.Create(1e-4f);
        Vector512<float> a = Vector512.Create(1f), b = a + k, c = b + k, d = c + k;
        for (long i = 0; i < steps; i++)
        {
            a = a * m + k;
            b = b * m + k;
            c = c * m + k;
            d = d * m + k;
        }

        return Vector512.Sum(a + b + c + d);
    }
}
