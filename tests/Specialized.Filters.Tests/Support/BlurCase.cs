using System;

namespace Specialized.Filters.Tests.Support;

/// <summary>One randomly drawn GaussianBlur call: image geometry, kernel arguments as a user would pass them, border.</summary>
internal sealed record BlurCase(int Width, int Height, int Channels, int ExtraStride, int KsizeX, int KsizeY, double SigmaX, double SigmaY, BorderMode Border)
{
    public static BlurCase Draw(Random random, int maxSize = 70, int maxKernel = 31)
    {
        int width = Size(random, maxSize), height = Size(random, maxSize);
        int channels = random.Next(1, 5);
        int extra = random.Next(3) == 0 ? random.Next(1, 9) : 0;
        var border = (BorderMode)random.Next(5);
        (int kx, double sx) = Axis(random, maxKernel);
        (int ky, double sy) = random.Next(3) == 0 ? (kx, 0.0) : Axis(random, maxKernel);
        if (kx == 0 && sx <= 0)
        {
            sx = 1.0;
        }

        if (ky == 0 && sy <= 0 && sx <= 0)
        {
            sy = 1.0;
        }

        return new BlurCase(width, height, channels, extra, kx, ky, sx, sy, border);
    }

    /// <summary>Small sizes are where borders get interesting, so they are drawn often.</summary>
    private static int Size(Random random, int max) => random.Next(2) == 0 ? random.Next(1, 9) : random.Next(1, max + 1);

    private static (int Ksize, double Sigma) Axis(Random random, int maxKernel)
    {
        switch (random.Next(4))
        {
            case 0: // derived from sigma; 4*sigma*2+1 stays within maxKernel + a little
                return (0, 0.1 + random.NextDouble() * (maxKernel / 8.0));
            case 1: // OpenCV's table or default sigma
                return (2 * random.Next(0, maxKernel / 2 + 1) + 1, 0);
            default:
                return (2 * random.Next(0, maxKernel / 2 + 1) + 1, 0.1 + random.NextDouble() * 6);
        }
    }

    public override string ToString() =>
        $"{Width}x{Height}x{Channels} (+{ExtraStride}) k=({KsizeX},{KsizeY}) sigma=({SigmaX:R},{SigmaY:R}) {Border}";
}
