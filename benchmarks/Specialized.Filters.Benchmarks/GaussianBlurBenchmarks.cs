using System;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// The generated kernel against the runtime engine (same kernel, generated kernels switched off), OpenCV on one thread
/// (the baseline of every ratio) and the copy floor, 1920x1080. Kernels are "size" (sigma 0) or "size s sigma".
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 12)]
public class GaussianBlurBenchmarks
{
    private static readonly FilterOptions RuntimeEngine = new() { UseGeneratedKernels = false };
    private Workload? _work;

    [Params("1920x1080")]
    public string Size { get; set; } = "1920x1080";

    [Params("8UC1", "8UC3", "32FC1")]
    public string Format { get; set; } = "8UC1";

    [Params("3", "5", "7", "11", "5s1.2")]
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

    [Benchmark(Description = "Runtime engine")]
    public void Runtime() => _work!.Blur(RuntimeEngine);

    [Benchmark(Description = "Copy")]
    public void Copy() => _work!.Copy();
}
