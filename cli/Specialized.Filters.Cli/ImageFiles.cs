using System;
using System.IO;
using StbImageSharp;
using StbImageWriteSharp;

namespace Specialized.Filters.Cli;

/// <summary>An 8-bit image with interleaved channels, as decoded from or encoded to a file.</summary>
public sealed record RasterImage(byte[] Pixels, int Width, int Height, int Channels);

/// <summary>Reads PNG, JPEG and BMP with StbImageSharp; writes PNG with StbImageWriteSharp.</summary>
public static class ImageFiles
{
    public static RasterImage Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"input file '{path}' does not exist.", ExitCodes.InputNotFound);
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            ImageResult image = ImageResult.FromStream(stream, StbImageSharp.ColorComponents.Default);
            return new RasterImage(image.Data, image.Width, image.Height, (int)image.Comp);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NotSupportedException or EndOfStreamException)
        {
            throw new CliException($"'{path}' cannot be decoded as a PNG, JPEG or BMP image ({e.Message}).", ExitCodes.UndecodableImage);
        }
    }

    public static void WritePng(RasterImage image, string path)
    {
        try
        {
            string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            using FileStream stream = File.Create(path);
            new ImageWriter().WritePng(image.Pixels, image.Width, image.Height, (StbImageWriteSharp.ColorComponents)image.Channels, stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write '{path}': {e.Message}", ExitCodes.WriteFailed);
        }
    }
}
