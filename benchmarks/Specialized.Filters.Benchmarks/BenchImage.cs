using System;
using System.Runtime.InteropServices;
using OpenCvSharp;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// A random image held twice: in a managed array for this library, and in an OpenCV Mat (with a preallocated
/// destination) for OpenCV, so neither side pays for allocation or copies inside the measured call.
/// </summary>
public sealed class BenchImage<T> : IDisposable
    where T : unmanaged
{
    public BenchImage(int width, int height, int channels, int depth, int seed = 42)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Source = new T[width * height * channels];
        Destination = new T[Source.Length];
        var random = new Random(seed);
        Span<byte> bytes = MemoryMarshal.AsBytes(Source.AsSpan());
        random.NextBytes(bytes);
        if (typeof(T) == typeof(float))
        {
            Span<float> floats = MemoryMarshal.Cast<T, float>(Source.AsSpan());
            for (int i = 0; i < floats.Length; i++)
            {
                floats[i] = (float)random.NextDouble();
            }
        }

        SourceMat = new Mat(height, width, MatType.MakeType(depth, channels));
        MemoryMarshal.AsBytes(Source.AsSpan()).CopyTo(SourceMat.AsSpan<byte>());
        DestinationMat = new Mat(height, width, MatType.MakeType(depth, channels));
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public T[] Source { get; }

    public T[] Destination { get; }

    public Mat SourceMat { get; }

    public Mat DestinationMat { get; }

    public ImageView<T> SourceView => new(Source, Width, Height, Channels);

    public ImageSpan<T> DestinationSpan => new(Destination, Width, Height, Channels);

    public void Dispose()
    {
        SourceMat.Dispose();
        DestinationMat.Dispose();
    }
}
