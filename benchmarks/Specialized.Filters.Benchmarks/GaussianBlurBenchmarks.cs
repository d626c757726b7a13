using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// The main matrix: generated kernels (one and two threads) and the runtime engine (generated kernels switched off)
/// against OpenCV on one thread, the baseline of every ratio, and the copy floor. Kernels are "size" (sigma 0) or
/// "size s sigma". Run a subset with --filter, and measure one size with the environment variable
/// SPECIALIZED_FILTERS_SIZES (<see cref="Sizes"/>), e.g. the 1080p rows only on a slow machine:
/// <c>SPECIALIZED_FILTERS_SIZES=1920x1080 dotnet run -c Release --project benchmarks/Specialized.Filters.Benchmarks -- --filter '*GaussianBlurBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[SteadyStateJob]
[IterationTime(250)]
public class GaussianBlurBenchmarks
{
    private static readonly FilterOptions RuntimeEngine = new() { UseGeneratedKernels = false };
    private static readonly FilterOptions TwoThreads = new(2);
    private Workload? _work;

    /// <summary>The image sizes: those SPECIALIZED_FILTERS_SIZES lists (comma-separated), or 1920x1080 and 7680x4320.</summary>
    public static IEnumerable<string> Sizes =>
        (Environment.GetEnvironmentVariable("SPECIALIZED_FILTERS_SIZES") is { Length: > 0 } sizes ? sizes : "1920x1080,7680x4320").Split(',');

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "1920x1080";

    [Params("8UC1", "8UC3", "8UC4", "16UC1", "32FC1")]
    public string Format { get; set; } = "8UC1";

    [Params("3", "5", "7", "11", "5s1.2", "13s2.0")]
    public string Kernel { get; set; } = "3";

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(1);
        _work = new Workload(Size, Format, Kernel);
        if (_work.Plan(default).Path != GaussianBlurPath.GeneratedKernel)
        {
            throw new InvalidOperationException($"No generated kernel for {Format} {Kernel}: the Generated column would measure the runtime engine.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _work?.Dispose();

    [Benchmark(Baseline = true, Description = "OpenCV 1 thread")]
    public void OpenCv() => _work!.OpenCv();

    [Benchmark(Description = "Generated")]
    public void Generated() => _work!.Blur(default);

    [Benchmark(Description = "Generated 2 threads")]
    public void GeneratedTwoThreads() => _work!.Blur(TwoThreads);

    [Benchmark(Description = "Runtime engine")]
    public void Runtime() => _work!.Blur(RuntimeEngine);

    [Benchmark(Description = "Copy")]
    public void Copy() => _work!.Copy();
}

/// <summary>Kernels of 21 and 31 taps (sigma 0), 1920x1080: generated (31 is the unroll limit) and runtime engine against OpenCV.</summary>
[MemoryDiagnoser]
[SteadyStateJob]
[IterationTime(250)]
public class LargeKernelBenchmarks
{
    private static readonly FilterOptions RuntimeEngine = new() { UseGeneratedKernels = false };
    private Workload? _work;

    [Params("8UC1", "32FC1")]
    public string Format { get; set; } = "8UC1";

    [Params("21", "31")]
    public string Kernel { get; set; } = "21";

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(1);
        _work = new Workload("1920x1080", Format, Kernel);
    }

    [GlobalCleanup]
    public void Cleanup() => _work?.Dispose();

    [Benchmark(Baseline = true, Description = "OpenCV 1 thread")]
    public void OpenCv() => _work!.OpenCv();

    [Benchmark(Description = "Generated")]
    public void Generated() => _work!.Blur(default);

    [Benchmark(Description = "Runtime engine")]
    public void Runtime() => _work!.Blur(RuntimeEngine);
}
