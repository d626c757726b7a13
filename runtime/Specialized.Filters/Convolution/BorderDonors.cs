using System;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Where the elements beyond the ends of a row come from: for each extrapolated element (the RadiusX pixels left of
/// the row, then those right of it), the element of the row it copies, or -1 for a constant-border zero. The same
/// for every row, so computed once per band.
/// </summary>
internal static class BorderDonors
{
    /// <summary>
    /// A pooled array whose elements [0, Border) are the donors of the elements left of the row (the leftmost first) and
    /// [Border, 2 * Border) those right of it; return it to <see cref="ScratchPool{T}"/>.
    /// </summary>
    public static int[] Rent(BandLayout layout, int width, BorderMode border)
    {
        int cn = layout.Channels;
        int size = layout.Border;
        int[] donors = ScratchPool<int>.Rent(Math.Max(1, 2 * size));
        for (int i = 0; i < size; i++)
        {
            int c = i % cn;
            int left = BorderInterpolation.Interpolate(i / cn - layout.RadiusX, width, border);
            int right = BorderInterpolation.Interpolate(width + i / cn, width, border);
            donors[i] = left < 0 ? -1 : left * cn + c;
            donors[size + i] = right < 0 ? -1 : right * cn + c;
        }

        return donors;
    }

    /// <summary>The value of an extrapolated element whose donor is <paramref name="donor"/>.</summary>
    public static T Element<T>(ReadOnlySpan<T> row, int donor)
        where T : unmanaged => donor < 0 ? default : row[donor];
}
