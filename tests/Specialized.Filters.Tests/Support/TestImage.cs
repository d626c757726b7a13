using System;

namespace Specialized.Filters.Tests.Support;

/// <summary>An image in a managed array with an arbitrary stride; the padding between rows is filled with a sentinel.</summary>
internal sealed class TestImage<T>
    where T : unmanaged
{
    public TestImage(int width, int height, int channels, int stride, T[] data)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Stride = stride;
        Data = data;
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public int Stride { get; }

    public T[] Data { get; }

    public int RowLength => Width * Channels;

    public ImageView<T> View => new(Data, Width, Height, Channels, Stride);

    public ImageSpan<T> Span => new(Data, Width, Height, Channels, Stride);

    public static TestImage<T> Random(Random random, int width, int height, int channels, int extraStride = 0)
    {
        int stride = width * channels + extraStride;
        var data = new T[(height - 1) * stride + width * channels + extraStride];
        data.AsSpan().Fill(Sentinel);
        var image = new TestImage<T>(width, height, channels, stride, data);
        for (int y = 0; y < height; y++)
        {
            Span<T> row = data.AsSpan(y * stride, width * channels);
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = RandomValue(random);
            }
        }

        return image;
    }

    public static TestImage<T> Blank(int width, int height, int channels, int extraStride = 0)
    {
        int stride = width * channels + extraStride;
        var data = new T[(height - 1) * stride + width * channels + extraStride];
        data.AsSpan().Fill(Sentinel);
        return new TestImage<T>(width, height, channels, stride, data);
    }

    public static TestImage<T> FromPacked(T[] packed, int width, int height, int channels)
    {
        return new TestImage<T>(width, height, channels, width * channels, (T[])packed.Clone());
    }

    /// <summary>A value no filter writes into padding; checked to prove row gaps are untouched.</summary>
    public static T Sentinel =>
        typeof(T) == typeof(byte) ? (T)(object)(byte)0xA5 :
        typeof(T) == typeof(ushort) ? (T)(object)(ushort)0xA5A5 :
        typeof(T) == typeof(short) ? (T)(object)(short)-23131 :
        typeof(T) == typeof(float) ? (T)(object)-12345.5f :
        (T)(object)(-12345.25);

    public static T RandomValue(Random random) =>
        typeof(T) == typeof(byte) ? (T)(object)(byte)random.Next(256) :
        typeof(T) == typeof(ushort) ? (T)(object)(ushort)random.Next(65536) :
        typeof(T) == typeof(short) ? (T)(object)(short)random.Next(-32768, 32768) :
        typeof(T) == typeof(float) ? (T)(object)(float)(random.NextDouble() * 200 - 100) :
        (T)(object)(random.NextDouble() * 200 - 100);

    public T[] ToPacked()
    {
        var packed = new T[Height * RowLength];
        for (int y = 0; y < Height; y++)
        {
            Data.AsSpan(y * Stride, RowLength).CopyTo(packed.AsSpan(y * RowLength));
        }

        return packed;
    }

    public TestImage<T> Clone() => new(Width, Height, Channels, Stride, (T[])Data.Clone());

    /// <summary>A packed copy of the rectangle [x, x + width) x [y, y + height).</summary>
    public TestImage<T> Crop(int x, int y, int width, int height)
    {
        var packed = new T[width * height * Channels];
        for (int row = 0; row < height; row++)
        {
            Data.AsSpan((y + row) * Stride + x * Channels, width * Channels).CopyTo(packed.AsSpan(row * width * Channels));
        }

        return new TestImage<T>(width, height, Channels, width * Channels, packed);
    }

    /// <summary>True when every element outside the image rows still holds the sentinel.</summary>
    public bool PaddingIsUntouched()
    {
        for (int i = 0; i < Data.Length; i++)
        {
            int y = i / Stride;
            int x = i % Stride;
            bool inside = y < Height && x < RowLength;
            if (!inside && !Data[i].Equals(Sentinel))
            {
                return false;
            }
        }

        return true;
    }
}
