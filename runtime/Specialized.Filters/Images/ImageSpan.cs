using System;

namespace Specialized.Filters;

/// <summary>
/// A writable view of an image in caller-owned memory, laid out like <see cref="ImageView{T}"/>;
/// converts implicitly to <see cref="ImageView{T}"/>.
/// </summary>
/// <typeparam name="T">The element type: byte, ushort, short, float or double.</typeparam>
public readonly ref struct ImageSpan<T>
    where T : unmanaged
{
    private readonly Span<T> _data;

    /// <summary>Wraps <paramref name="data"/> as a writable image.</summary>
    /// <param name="data">The pixels; at least <c>(height - 1) * stride + width * channels</c> elements.</param>
    /// <param name="width">Pixels per row, at least 1.</param>
    /// <param name="height">Rows, at least 1.</param>
    /// <param name="channels">Interleaved elements per pixel, 1 to 4.</param>
    /// <param name="stride">Elements from the start of one row to the next; 0 means <c>width * channels</c> (packed rows).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range, or the stride is shorter than a row.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is too short for the image.</exception>
    public ImageSpan(Span<T> data, int width, int height, int channels = 1, int stride = 0)
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
    public Span<T> Data => _data;

    /// <summary>The <see cref="RowLength"/> elements of row <paramref name="y"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is not in <c>[0, Height)</c>.</exception>
    public Span<T> Row(int y) => _data.Slice(ImageLayout.RowStart(y, Height, Stride), RowLength);

    /// <summary>The elements of pixel (<paramref name="x"/>, <paramref name="y"/>), one per channel.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The pixel is outside the image.</exception>
    public Span<T> Pixel(int x, int y) => Row(y).Slice(ImageLayout.PixelStart(x, Width, Channels), Channels);

    /// <summary>A read-only view of the same pixels.</summary>
    public ImageView<T> AsView() => this;

    /// <summary>Views the same pixels read-only.</summary>
    public static implicit operator ImageView<T>(ImageSpan<T> image) =>
        image.IsEmpty ? default : new ImageView<T>(image._data, image.Width, image.Height, image.Channels, image.Stride);
}
