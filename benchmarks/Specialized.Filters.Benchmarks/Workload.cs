using System;
using OpenCvSharp;

namespace Specialized.Filters.Benchmarks;

/// <summary>One benchmark case: an image of one format and size with both library and OpenCV buffers, and a kernel.</summary>
public sealed class Workload : IDisposable
{
    private readonly BenchImage<byte>? _bytes;
    private readonly BenchImage<ushort>? _words;
    private readonly BenchImage<float>? _floats;

    public Workload(string size, string format, string kernel)
    {
        string[] dims = size.Split('x');
        int width = int.Parse(dims[0]), height = int.Parse(dims[1]);
        int channels = format[^1] - '0';
        Channels = channels;
        switch (format[..^2])
        {
            case "8U":
                _bytes = new BenchImage<byte>(width, height, channels, MatType.CV_8U);
                break;
            case "16U":
                _words = new BenchImage<ushort>(width, height, channels, MatType.CV_16U);
                break;
            case "32F":
                _floats = new BenchImage<float>(width, height, channels, MatType.CV_32F);
                break;
            default:
                throw new ArgumentException($"Unknown format {format}.", nameof(format));
        }

        string[] parts = kernel.Split('s');
        KSize = int.Parse(parts[0]);
        Sigma = parts.Length > 1 ? double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public int Channels { get; }

    public int KSize { get; }

    public double Sigma { get; }

    public Mat SourceMat => _bytes?.SourceMat ?? _words?.SourceMat ?? _floats!.SourceMat;

    public Mat DestinationMat => _bytes?.DestinationMat ?? _words?.DestinationMat ?? _floats!.DestinationMat;

    public void Blur(FilterOptions options)
    {
        if (_bytes is not null)
        {
            Filters.GaussianBlur(_bytes.SourceView, _bytes.DestinationSpan, KSize, KSize, Sigma, Sigma, BorderMode.Reflect101, options);
        }
        else if (_words is not null)
        {
            Filters.GaussianBlur(_words.SourceView, _words.DestinationSpan, KSize, KSize, Sigma, Sigma, BorderMode.Reflect101, options);
        }
        else
        {
            Filters.GaussianBlur(_floats!.SourceView, _floats.DestinationSpan, KSize, KSize, Sigma, Sigma, BorderMode.Reflect101, options);
        }
    }

    public GaussianBlurPlan Plan(FilterOptions options) =>
        _bytes is not null ? Filters.PlanGaussianBlur<byte>(_bytes.Width, _bytes.Height, KSize, KSize, Sigma, Sigma, BorderMode.Reflect101, options)
        : _words is not null ? Filters.PlanGaussianBlur<ushort>(_words.Width, _words.Height, KSize, KSize, Sigma, Sigma, BorderMode.Reflect101, options)
        : Filters.PlanGaussianBlur<float>(_floats!.Width, _floats.Height, KSize, KSize, Sigma, Sigma, BorderMode.Reflect101, options);

    public void OpenCv() => Cv2.GaussianBlur(SourceMat, DestinationMat, new Size(KSize, KSize), Sigma, Sigma, BorderTypes.Reflect101);

    public void Copy()
    {
        if (_bytes is not null)
        {
            _bytes.Source.AsSpan().CopyTo(_bytes.Destination);
        }
        else if (_words is not null)
        {
            _words.Source.AsSpan().CopyTo(_words.Destination);
        }
        else
        {
            _floats!.Source.AsSpan().CopyTo(_floats.Destination);
        }
    }

    public void Dispose()
    {
        _bytes?.Dispose();
        _words?.Dispose();
        _floats?.Dispose();
    }
}
