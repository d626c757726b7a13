using System;

namespace Specialized.Filters;

/// <summary>Maps coordinates outside an image to the pixel that supplies their value (OpenCV <c>cv::borderInterpolate</c>).</summary>
public static class BorderInterpolation
{
    /// <summary>
    /// Returns the index in <c>[0, length)</c> whose value the coordinate <paramref name="position"/> takes,
    /// or -1 when <paramref name="border"/> is <see cref="BorderMode.Constant"/> and the position is outside.
    /// </summary>
    /// <param name="position">Any coordinate, inside or outside <c>[0, length)</c>.</param>
    /// <param name="length">The image size along the axis; at least 1.</param>
    /// <param name="border">How the image is extended.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is less than 1, or <paramref name="border"/> is not a defined value.</exception>
    public static int Interpolate(int position, int length, BorderMode border)
    {
        if (length < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The length must be at least 1.");
        }

        if ((uint)position < (uint)length)
        {
            return position;
        }

        // OpenCV mirrors repeatedly in a loop; the closed forms below give the same index in O(1),
        // which matters when a kernel is many times wider than the image.
        switch (border)
        {
            case BorderMode.Constant:
                return -1;
            case BorderMode.Replicate:
                return position < 0 ? 0 : length - 1;
            case BorderMode.Reflect:
            {
                long period = 2L * length;
                long q = Modulo(position, period);
                return (int)(q < length ? q : period - 1 - q);
            }
            case BorderMode.Reflect101:
            {
                if (length == 1)
                {
                    return 0;
                }

                long period = 2L * length - 2;
                long q = Modulo(position, period);
                return (int)(q < length ? q : period - q);
            }
            case BorderMode.Wrap:
                return (int)Modulo(position, length);
            default:
                throw new ArgumentOutOfRangeException(nameof(border), border, "Unknown border mode.");
        }
    }

    private static long Modulo(long value, long divisor)
    {
        long r = value % divisor;
        return r < 0 ? r + divisor : r;
    }
}
