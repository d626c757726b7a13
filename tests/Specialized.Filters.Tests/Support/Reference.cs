using System;

namespace Specialized.Filters.Tests.Support;

/// <summary>
/// Slow, obviously-correct implementations written straight from the spec, independent of the engine:
/// the loop form of <c>borderInterpolate</c>, OpenCV's front-end rules, the exact integer blur (§6), a
/// float blur in the library's documented summation order, and a naive double-precision blur.
/// </summary>
internal static class Reference
{
    /// <summary>OpenCV's <c>borderInterpolate</c>, loop and all (spec §2.2).</summary>
    public static int BorderInterpolate(int p, int len, BorderMode type)
    {
        if ((uint)p < (uint)len)
        {
            return p;
        }

        switch (type)
        {
            case BorderMode.Replicate:
                return p < 0 ? 0 : len - 1;
            case BorderMode.Reflect:
            case BorderMode.Reflect101:
                if (len == 1)
                {
                    return 0;
                }

                int d = type == BorderMode.Reflect101 ? 1 : 0;
                do
                {
                    p = p < 0 ? -p - 1 + d : len - 1 - (p - len) - d;
                }
                while ((uint)p >= (uint)len);
                return p;
            case BorderMode.Wrap:
                if (p < 0)
                {
                    p -= ((p - len + 1) / len) * len;
                }

                if (p >= len)
                {
                    p %= len;
                }

                return p;
            case BorderMode.Constant:
                return -1;
            default:
                throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    /// <summary>OpenCV's GaussianBlur front end (spec §4 steps 2-7) for valid arguments: the final kernel sizes and sigmas.</summary>
    public static (int Kx, int Ky, double Sx, double Sy) Resolve(
        int width, int height, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border, bool isByte)
    {
        if (border != BorderMode.Constant)
        {
            if (height == 1)
            {
                ksizeY = 1;
            }

            if (width == 1)
            {
                ksizeX = 1;
            }
        }

        if (sigmaY <= 0)
        {
            sigmaY = sigmaX;
        }

        int f = isByte ? 3 : 4;
        if (ksizeX <= 0 && sigmaX > 0)
        {
            ksizeX = (int)Math.Round(sigmaX * f * 2 + 1, MidpointRounding.ToEven) | 1;
        }

        if (ksizeY <= 0 && sigmaY > 0)
        {
            ksizeY = (int)Math.Round(sigmaY * f * 2 + 1, MidpointRounding.ToEven) | 1;
        }

        return (ksizeX, ksizeY, Math.Max(sigmaX, 0), Math.Max(sigmaY, 0));
    }

    /// <summary>The bit-exact 8U/16U algorithm of spec §6, in 64-bit integers, one output pixel at a time.</summary>
    public static T[] ExactInteger<T>(TestImage<T> image, int kx, int ky, double sx, double sy, BorderMode border)
        where T : unmanaged
    {
        int bits = typeof(T) == typeof(byte) ? 8 : 16;
        int[] wx = GaussianKernels.CreateFixedPoint(kx, sx, bits);
        int[] wy = GaussianKernels.CreateFixedPoint(ky, sy, bits);
        int w = image.Width, h = image.Height, cn = image.Channels;
        var result = new T[w * h * cn];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < cn; c++)
                {
                    long v = 0;
                    for (int j = 0; j < ky; j++)
                    {
                        int yy = BorderInterpolate(y + j - ky / 2, h, border);
                        if (yy < 0)
                        {
                            continue;
                        }

                        long line = 0;
                        for (int i = 0; i < kx; i++)
                        {
                            int xx = BorderInterpolate(x + i - kx / 2, w, border);
                            if (xx >= 0)
                            {
                                line += wx[i] * ToLong(image.Data[yy * image.Stride + xx * cn + c]);
                            }
                        }

                        v += wy[j] * line;
                    }

                    long rounded = (v + (1L << (2 * bits - 1))) >> (2 * bits);
                    result[(y * w + x) * cn + c] = FromLong<T>(Math.Min(rounded, (1L << bits) - 1));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The float path in the library's documented order (rows first; centre tap, then mirrored pairs outwards,
    /// each pair added before it is multiplied; no FMA), accumulating in float (16S, 32F) or double (64F).
    /// The engine must match it bit for bit at every vector width.
    /// </summary>
    public static T[] FoldedFloat<T>(TestImage<T> image, int kx, int ky, double sx, double sy, BorderMode border)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            double[] wx = GaussianKernels.Create(kx, sx), wy = GaussianKernels.Create(ky, sy);
            return Folded(image, wx, wy, border, (a, b) => a + b, (a, b) => a * b, v => ToDouble(v), v => FromDouble<T>(v));
        }

        float[] fx = Array.ConvertAll(GaussianKernels.Create(kx, sx), v => (float)v);
        float[] fy = Array.ConvertAll(GaussianKernels.Create(ky, sy), v => (float)v);
        return Folded(image, fx, fy, border, (a, b) => a + b, (a, b) => a * b, v => (float)ToDouble(v), v => FromDouble<T>((double)v));
    }

    private static T[] Folded<T, TAcc>(
        TestImage<T> image, TAcc[] wx, TAcc[] wy, BorderMode border,
        Func<TAcc, TAcc, TAcc> add, Func<TAcc, TAcc, TAcc> mul, Func<T, TAcc> load, Func<TAcc, T> store)
        where T : unmanaged
        where TAcc : struct
    {
        int w = image.Width, h = image.Height, cn = image.Channels, rx = wx.Length / 2, ry = wy.Length / 2;
        var rows = new TAcc[h, w * cn];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < cn; c++)
                {
                    TAcc At(int xx)
                    {
                        int m = BorderInterpolate(xx, w, border);
                        return m < 0 ? default : load(image.Data[y * image.Stride + m * cn + c]);
                    }

                    TAcc sum = mul(wx[rx], At(x));
                    for (int d = 1; d <= rx; d++)
                    {
                        sum = add(sum, mul(wx[rx - d], add(At(x - d), At(x + d))));
                    }

                    rows[y, x * cn + c] = sum;
                }
            }
        }

        var result = new T[w * h * cn];
        for (int y = 0; y < h; y++)
        {
            for (int i = 0; i < w * cn; i++)
            {
                TAcc At(int yy)
                {
                    int m = BorderInterpolate(yy, h, border);
                    return m < 0 ? default : rows[m, i];
                }

                TAcc sum = mul(wy[ry], At(y));
                for (int d = 1; d <= ry; d++)
                {
                    sum = add(sum, mul(wy[ry - d], add(At(y - d), At(y + d))));
                }

                result[y * w * cn + i] = store(sum);
            }
        }

        return result;
    }

    /// <summary>A plain double-precision 2-D convolution (the mathematical definition), for float types with WRAP.</summary>
    public static double[] NaiveDouble<T>(TestImage<T> image, int kx, int ky, double sx, double sy, BorderMode border)
        where T : unmanaged
    {
        double[] wx = GaussianKernels.Create(kx, sx), wy = GaussianKernels.Create(ky, sy);
        int w = image.Width, h = image.Height, cn = image.Channels;
        var result = new double[w * h * cn];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < cn; c++)
                {
                    double v = 0;
                    for (int j = 0; j < ky; j++)
                    {
                        int yy = BorderInterpolate(y + j - ky / 2, h, border);
                        for (int i = 0; i < kx && yy >= 0; i++)
                        {
                            int xx = BorderInterpolate(x + i - kx / 2, w, border);
                            if (xx >= 0)
                            {
                                v += wy[j] * wx[i] * ToDouble(image.Data[yy * image.Stride + xx * cn + c]);
                            }
                        }
                    }

                    result[(y * w + x) * cn + c] = v;
                }
            }
        }

        return result;
    }

    public static long ToLong<T>(T value) =>
        value switch
        {
            byte b => b,
            ushort u => u,
            short s => s,
            _ => throw new NotSupportedException(),
        };

    public static double ToDouble<T>(T value) =>
        value switch
        {
            byte b => b,
            ushort u => u,
            short s => s,
            float f => f,
            double d => d,
            _ => throw new NotSupportedException(),
        };

    public static T FromLong<T>(long value) =>
        typeof(T) == typeof(byte) ? (T)(object)(byte)value :
        typeof(T) == typeof(ushort) ? (T)(object)(ushort)value :
        typeof(T) == typeof(short) ? (T)(object)(short)value :
        throw new NotSupportedException();

    /// <summary>OpenCV's saturate_cast from an accumulator: round half to even and clamp for integers.</summary>
    public static T FromDouble<T>(double value) =>
        typeof(T) == typeof(float) ? (T)(object)(float)value :
        typeof(T) == typeof(double) ? (T)(object)value :
        typeof(T) == typeof(short) ? (T)(object)(short)Math.Clamp(Math.Round(value, MidpointRounding.ToEven), short.MinValue, short.MaxValue) :
        typeof(T) == typeof(ushort) ? (T)(object)(ushort)Math.Clamp(Math.Round(value, MidpointRounding.ToEven), 0, ushort.MaxValue) :
        typeof(T) == typeof(byte) ? (T)(object)(byte)Math.Clamp(Math.Round(value, MidpointRounding.ToEven), 0, byte.MaxValue) :
        throw new NotSupportedException();
}
