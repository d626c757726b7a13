using System;

namespace Specialized.Filters.Cli;

/// <summary>
/// The built-in demo image, drawn procedurally so the CLI needs no asset: a colour gradient with a checkerboard,
/// concentric rings and fine diagonal lines, features whose edges make a blur easy to see.
/// </summary>
public static class DefaultImage
{
    public const int Width = 1280;
    public const int Height = 720;

    public static RasterImage Create()
    {
        var pixels = new byte[Width * Height * 3];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                double r = 255.0 * x / (Width - 1);
                double g = 255.0 * y / (Height - 1);
                double b = 128 + 127 * Math.Sin(x * 0.01) * Math.Cos(y * 0.013);

                if (x < Width / 3 && ((x / 40) + (y / 40)) % 2 == 0)
                {
                    r = g = b = 20; // checkerboard: hard edges
                }

                double dx = x - Width * 0.66, dy = y - Height * 0.5;
                if (Math.Sqrt(dx * dx + dy * dy) % 48 < 6)
                {
                    r = g = b = 250; // rings: curved edges
                }

                if (y > Height * 0.75 && (x + y) % 9 == 0)
                {
                    r = g = b = 0; // one-pixel diagonal lines: the finest detail, the first to go
                }

                int i = (y * Width + x) * 3;
                pixels[i] = (byte)Math.Clamp(r, 0, 255);
                pixels[i + 1] = (byte)Math.Clamp(g, 0, 255);
                pixels[i + 2] = (byte)Math.Clamp(b, 0, 255);
            }
        }

        return new RasterImage(pixels, Width, Height, 3);
    }
}
