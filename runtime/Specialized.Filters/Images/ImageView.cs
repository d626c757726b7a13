using System;

namespace Specialized.Filters;

/// <summary>
/// A read-only view of an image in caller-owned memory: <see cref="Height"/> rows of <see cref="Width"/> pixels,
/// each pixel <see cref="Channels"/> interleaved elements, consecutive rows <see cref="Stride"/> elements apart.
/// </summary>
/// <typeparam name="T">The element type: byte, ushort, short, float or double.</typeparam>
public readonly ref struct ImageView<T>
    where T : unmanaged
{
    private readonly ReadOnlySpan<T> _data;

    /// <summary>Wraps <paramref name="data"/> as an image.</summary>
    /// <param name="data">The pixels; at least <c>(height - 1) * stride + width * channels</c> elements.</param>
    /// <param name="width">Pixels per row, at least 1.</param>
    /// <param name="height">Rows, at least 1.</param>
    /// <param name="channels">Interleaved elements per pixel, 1 to 4.</param>
    /// <param name="stride">Elements from the start of one row to the next; 0 means <c>width * channels</c> (packed rows).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the stride is shorter than a row.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is too short for the image.</exception>
    public ImageView(ReadOnlySpan<T> data, int width, int height, int channels = 1, int stride = 0)
    {
        Stride = ImageLayout.Validate(data.Length, width, height, channels, stride);
        _data = data;
        Width = width;
        Height = height;
        Channels = channels;
    }

    /// <summary>Pixels per row.</summary>
    public int Width { get; }

    /// <summary>Number of rows.</summary>
    public int Height { get; }

    /// <summary>Interleaved elements per pixel (1 to 4).</summary>
    public int Channels { get; }

    /// <summary>Elements from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>Elements in one row of pixels: <c>Width * Channels</c>.</summary>
    public int RowLength => Width * Channels;

    /// <summary>True for a default instance, which holds no image.</summary>
    public bool IsEmpty => Width == 0;

    /// <summary>The underlying buffer, from the first element of row 0 to its end.</summary>
    public ReadOnlySpan<T> Data => _data;

    /// <summary>The <see cref="RowLength"/> elements of row <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is not in <c>[0, Height)</c>.</exception>
    public ReadOnlySpan<T> Row(int y) => _data.Slice(ImageLayout.RowStart(y, Height, Stride), RowLength);

    /// <summary>The elements of pixel (<paramref name="x"/>, <paramref name="y"/>), one per channel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pixel is outside the image.</exception>
    public ReadOnlySpan<T> Pixel(int x, int y) => Row(y).Slice(ImageLayout.PixelStart(x, Width, Channels), Channels);

    /// <summary>Copies the pixels into a new packed array (<c>Height * Width * Channels</c> elements).</summary>
    public T[] ToArray()
    {
        T[] result = new T[Height * RowLength];
        for (int y = 0; y < Height; y++)
        {
            Row(y).CopyTo(result.AsSpan(y * RowLength));
        }

        return result;
    }
}
