using System;

namespace Specialized.Filters.Convolution;

/// <summary>Source and destination as raw pinned memory, so that worker threads can rebuild their views (spans cannot cross threads).</summary>
internal readonly unsafe struct PinnedImages<T>
    where T : unmanaged
{
    private readonly nint _source;
    private readonly int _sourceLength;
    private readonly int _sourceStride;
    private readonly nint _destination;
    private readonly int _destinationLength;
    private readonly int _destinationStride;
    private readonly int _width;
    private readonly int _height;
    private readonly int _channels;

    /// <param name="sourcePointer">The pinned start of <paramref name="source"/>'s data.</param>
    /// <param name="source">The source image.</param>
    /// <param name="destinationPointer">The pinned start of <paramref name="destination"/>'s data.</param>
    /// <param name="destination">The destination image.</param>
    public PinnedImages(T* sourcePointer, ImageView<T> source, T* destinationPointer, ImageSpan<T> destination)
    {
        _source = (nint)sourcePointer;
        _sourceLength = source.Data.Length;
        _sourceStride = source.Stride;
        _destination = (nint)destinationPointer;
        _destinationLength = destination.Data.Length;
        _destinationStride = destination.Stride;
        _width = source.Width;
        _height = source.Height;
        _channels = source.Channels;
    }

    public ImageView<T> Source => new(new ReadOnlySpan<T>((void*)_source, _sourceLength), _width, _height, _channels, _sourceStride);

    public ImageSpan<T> Destination => new(new Span<T>((void*)_destination, _destinationLength), _width, _height, _channels, _destinationStride);
}
