using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Specialized.Filters;

/// <summary>Validates the geometry shared by <see cref="ImageView{T}"/> and <see cref="ImageSpan{T}"/>.</summary>
internal static class ImageLayout
{
    public const int MaxChannels = 4;

    /// <summary>Checks the arguments of an image constructor and returns the effective stride.</summary>
    public static int Validate(int dataLength, int width, int height, int channels, int stride)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be at least 1.");
        }

        if (height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "The height must be at least 1.");
        }

        if (channels < 1 || channels > MaxChannels)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "The channel count must be between 1 and 4.");
        }

        long rowLength = (long)width * channels;
        if (rowLength > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "width * channels does not fit in an int.");
        }

        if (stride == 0)
        {
            stride = (int)rowLength;
        }
        else if (stride < rowLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stride), stride, $"The stride (in elements) must be 0 or at least width * channels = {rowLength}.");
        }

        long required = (long)(height - 1) * stride + rowLength;
        if (dataLength < required)
        {
            throw new ArgumentException(
                $"The buffer holds {dataLength} elements but a {width}x{height} image with {channels} channel(s) and stride {stride} needs {required}.",
                "data");
        }

        return stride;
    }

    /// <summary>The offset of row <paramref name="y"/>, after checking it is a row of the image.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // called per row on the filter's hot path
    public static int RowStart(int y, int height, int stride)
    {
        if ((uint)y >= (uint)height)
        {
            ThrowRowOutOfRange(y, height);
        }

        return y * stride;
    }

    // Kept out of RowStart so that the check inlines.
    [DoesNotReturn]
    private static void ThrowRowOutOfRange(int y, int height) =>
        throw new ArgumentOutOfRangeException(nameof(y), y, $"The row must be in [0, {height}).");

    /// <summary>The offset of pixel <paramref name="x"/> within a row, after checking it is a column of the image.</summary>
    public static int PixelStart(int x, int width, int channels)
    {
        if ((uint)x >= (uint)width)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"The column must be in [0, {width}).");
        }

        return x * channels;
    }
}
