using System;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The geometry of one band's working rows: a padded copy of the source row being filtered, and the lane buffer
/// <code>
/// [ ring: KernelHeight rows | top halo: RadiusY rows | bottom halo: RadiusY rows ]
/// </code>
/// Own rows (inside the band) cycle through the ring; halo rows (above and below the band, including
/// extrapolated rows outside the image) are filtered before the band writes anything, which is what makes
/// in-place filtering and parallel bands safe.
/// </summary>
internal readonly struct BandLayout
{
    public BandLayout(int width, int channels, int radiusX, int radiusY, int rowPlanes, int lanesPerCacheLine)
    {
        Channels = channels;
        RadiusX = radiusX;
        RadiusY = radiusY;
        RowLength = width * channels;
        // A whole padded row for narrow images, or two padded edges of 3 * radiusX pixels each for wide ones.
        long padded = Math.Max(((long)width + 2L * radiusX) * channels, 6L * radiusX * channels);
        // Planes are padded to whole cache lines so that every plane of every slot starts on one.
        long plane = ((long)RowLength + lanesPerCacheLine - 1) / lanesPerCacheLine * lanesPerCacheLine;
        long slot = plane * rowPlanes;
        long total = (2L * radiusY + 1 + 2L * radiusY) * slot;
        if (total > Array.MaxLength || padded > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException("ksize", "The kernel is too large for an image this wide: its working rows would not fit in one array.");
        }

        PaddedLength = (int)padded;
        PlaneLength = (int)plane;
        SlotLength = (int)slot;
        TotalLength = (int)total;
    }

    public int Channels { get; }

    public int RadiusX { get; }

    public int RadiusY { get; }

    public int KernelHeight => 2 * RadiusY + 1;

    /// <summary>Elements of one image row: width * channels.</summary>
    public int RowLength { get; }

    public int PaddedLength { get; }

    /// <summary>Lanes from the start of one plane of a filtered row to the next (the row length, padded to cache lines).</summary>
    public int PlaneLength { get; }

    /// <summary>Lanes of one filtered row, all planes.</summary>
    public int SlotLength { get; }

    /// <summary>Lanes of all slots.</summary>
    public int TotalLength { get; }

    /// <summary>The slot that holds virtual row <paramref name="v"/> while filtering rows [<paramref name="y0"/>, <paramref name="y1"/>).</summary>
    public int SlotOf(int v, int y0, int y1)
    {
        if (v < y0)
        {
            return KernelHeight + (y0 - 1 - v);
        }

        if (v >= y1)
        {
            return KernelHeight + RadiusY + (v - y1);
        }

        return v % KernelHeight;
    }

    /// <summary>Offset of a slot in the lane buffer.</summary>
    public int SlotOffset(int slot) => slot * SlotLength;
}
