using System;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// The runtime fallback against OpenCV (one thread) and the copy floor, 1920x1080, sigma 0.
/// Ratios are to OpenCV in the same run.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class GaussianBlurBenchmarks
{
    private BenchImage<byte>? _bytes;
    private BenchImage<float>? _floats;

    [Params("8UC1", "8UC3", "32FC1")]
    public string Format { get; set; } = "8UC1";

    [Params(3, 5, 7, 11)]
    public int KSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Cv2.SetNumThreads(1);
        switch (Format)
        {
            case "8UC1":
                _bytes = new BenchImage<byte>(1920, 1080, 1, MatType.CV_8U);
                break;
            case "8UC3":
                _bytes = new BenchImage<byte>(1920, 1080, 3, MatType.CV_8U);
                break;
            default:
                _floats = new BenchImage<float>(1920, 1080, 1, MatType.CV_32F);
                break;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bytes?.Dispose();
        _floats?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "OpenCV 1 thread")]
    public void OpenCv()
    {
        Mat src = _bytes?.SourceMat ?? _floats!.SourceMat;
        Mat dst = _bytes?.DestinationMat ?? _floats!.DestinationMat;
        Cv2.GaussianBlur(src, dst, new Size(KSize, KSize), 0, 0, BorderTypes.Reflect101);
    }

    [Benchmark(Description = "Fallback")]
    public void Fallback()
    {
        if (_bytes is not null)
        {
            Filters.GaussianBlur(_bytes.SourceView, _bytes.DestinationSpan, KSize, 0);
        }
        else
        {
            Filters.GaussianBlur(_floats!.SourceView, _floats.DestinationSpan, KSize, 0);
        }
    }

    [Benchmark(Description = "Copy")]
    public void Copy()
    {
        if (_bytes is not null)
        {
            _bytes.Source.AsSpan().CopyTo(_bytes.Destination);
        }
        else
        {
            _floats!.Source.AsSpan().CopyTo(_floats.Destination);
        }
    }
}
