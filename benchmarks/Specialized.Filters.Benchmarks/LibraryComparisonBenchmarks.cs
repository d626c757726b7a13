using System;
using BenchmarkDotNet.Attributes;
using OpenCvSharp;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SkiaSharp;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// Other libraries on the same 1920x1080 images with the same sigma: OpenCV with its default threads, ImageSharp 2.1
/// (L8, Rgb24, Rgba32) and SkiaSharp (Gray8, Rgba8888; it has no 24-bit format). Each picks its own kernel size for
/// the sigma (OpenCV 3 or 4 sigma, ImageSharp 3 sigma, Skia 3 sigma), so only OpenCV's result equals ours.
/// </summary>
[MemoryDiagnoser]
[SteadyStateJob]
[IterationTime(250)]
public class LibraryComparisonBenchmarks
{
    private Workload? _work;
    private Image<L8>? _gray;
    private Image<Rgb24>? _rgb;
    private Image<Rgba32>? _rgba;
    private SKImage? _skiaSource;
    private SKBitmap? _skiaTarget;
    private SKCanvas? _skiaCanvas;
    private SKPaint? _skiaPaint;

    [Params("8UC1", "8UC3", "8UC4")]
    public string Format { get; set; } = "8UC1";

    [Params("5s1.2", "13s2.0")]
    public string Kernel { get; set; } = "5s1.2";

    private float Sigma => (float)_work!.Sigma;

    [GlobalSetup]
    public void Setup()
    {
        _work = new Workload("1920x1080", Format, Kernel);
        byte[] pixels = new byte[1920 * 1080 * _work.Channels];
        new Random(42).NextBytes(pixels);
        switch (_work.Channels)
        {
            case 1:
                _gray = SixLabors.ImageSharp.Image.LoadPixelData<L8>(pixels, 1920, 1080);
                _skiaSource = Skia(pixels, SKColorType.Gray8, 1);
                break;
            case 3:
                _rgb = SixLabors.ImageSharp.Image.LoadPixelData<Rgb24>(pixels, 1920, 1080);
                break;
            default:
                _rgba = SixLabors.ImageSharp.Image.LoadPixelData<Rgba32>(pixels, 1920, 1080);
                _skiaSource = Skia(pixels, SKColorType.Rgba8888, 4);
                break;
        }

        if (_skiaSource is not null)
        {
            _skiaTarget = new SKBitmap(new SKImageInfo(1920, 1080, _skiaSource.ColorType, SKAlphaType.Premul));
            _skiaCanvas = new SKCanvas(_skiaTarget);
            _skiaPaint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(Sigma, Sigma) };
        }
    }

    private static SKImage Skia(byte[] pixels, SKColorType type, int channels)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(1920, 1080, type, SKAlphaType.Premul));
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), 1920 * 1080 * channels);
        return SKImage.FromBitmap(bitmap);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _work?.Dispose();
        _gray?.Dispose();
        _rgb?.Dispose();
        _rgba?.Dispose();
        _skiaPaint?.Dispose();
        _skiaCanvas?.Dispose();
        _skiaTarget?.Dispose();
        _skiaSource?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "OpenCV 1 thread")]
    public void OpenCvOneThread()
    {
        Cv2.SetNumThreads(1);
        _work!.OpenCv();
    }

    [Benchmark(Description = "OpenCV default threads")]
    public void OpenCvDefault()
    {
        Cv2.SetNumThreads(-1);
        _work!.OpenCv();
    }

    [Benchmark(Description = "Generated")]
    public void Generated() => _work!.Blur(default);

    [Benchmark(Description = "Generated 2 threads")]
    public void GeneratedTwoThreads() => _work!.Blur(new FilterOptions(2));

    [Benchmark(Description = "ImageSharp 2.1")]
    public void ImageSharp()
    {
        if (_gray is not null)
        {
            _gray.Mutate(c => c.GaussianBlur(Sigma));
        }
        else if (_rgb is not null)
        {
            _rgb.Mutate(c => c.GaussianBlur(Sigma));
        }
        else
        {
            _rgba!.Mutate(c => c.GaussianBlur(Sigma));
        }
    }

    [Benchmark(Description = "SkiaSharp")]
    public void SkiaSharp()
    {
        if (_skiaCanvas is null)
        {
            return; // no 24-bit format in Skia
        }

        _skiaCanvas.DrawImage(_skiaSource, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), _skiaPaint);
        _skiaCanvas.Flush();
    }

    [Benchmark(Description = "Copy")]
    public void Copy() => _work!.Copy();
}
