using System;
using System.IO;
using System.Linq;
using StbImageSharp;
using StbImageWriteSharp;
using Xunit;

namespace Specialized.Filters.Cli.Tests;

public sealed class CliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sf-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Program.Run(args, output, error, _directory);
        return (code, output.ToString(), error.ToString());
    }

    private static RasterImage Decode(string path)
    {
        using FileStream stream = File.OpenRead(path);
        ImageResult image = ImageResult.FromStream(stream, StbImageSharp.ColorComponents.Default);
        return new RasterImage(image.Data, image.Width, image.Height, (int)image.Comp);
    }

    private static RasterImage Pattern(int width, int height, int channels)
    {
        var pixels = new byte[width * height * channels];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)((i * 7919) >> 3);
        }

        return new RasterImage(pixels, width, height, channels);
    }

    private static byte[] Blur(RasterImage image, int ksize, double sigma, BorderMode border = BorderMode.Reflect101)
    {
        var result = new byte[image.Pixels.Length];
        Filters.GaussianBlur(
            new ImageView<byte>(image.Pixels, image.Width, image.Height, image.Channels),
            new ImageSpan<byte>(result, image.Width, image.Height, image.Channels), ksize, sigma, border);
        return result;
    }

    [Fact]
    public void Default_run_writes_the_input_and_the_blurred_presets()
    {
        var (code, output, _) = Run();
        Assert.Equal(ExitCodes.Success, code);
        string outDir = Path.Combine(_directory, "out");
        RasterImage input = Decode(Path.Combine(outDir, "input.png"));
        Assert.Equal(DefaultImage.Create().Pixels, input.Pixels);
        RasterImage soft = Decode(Path.Combine(outDir, "blur-soft.png"));
        Assert.Equal(Blur(input, 5, 0), soft.Pixels);
        Assert.True(File.Exists(Path.Combine(outDir, "blur-strong.png")));
        Assert.Contains("kernel  5x5 Gaussian", output);
        Assert.Contains("weights/256 [16 64 96 64 16]", output);
        Assert.Contains("time", output);
        Assert.Contains("path    generated kernel (Specialized.Filters.BuiltInKernels.Byte5x5)", output);
        Assert.Contains("path    generated kernel (Specialized.Filters.Cli.PresetKernels.Strong)", output);
        Assert.Contains("1280x720", output);
    }

    [Theory]
    [InlineData("png", 3)]
    [InlineData("png", 1)]
    [InlineData("png", 4)]
    [InlineData("bmp", 3)]
    [InlineData("png", 2)]
    public void Blur_command_matches_the_library(string format, int channels)
    {
        RasterImage image = Pattern(61, 37, channels);
        string input = Path.Combine(_directory, $"in.{format}");
        using (FileStream stream = File.Create(input))
        {
            var writer = new ImageWriter();
            var components = (StbImageWriteSharp.ColorComponents)channels;
            if (format == "png")
            {
                writer.WritePng(image.Pixels, image.Width, image.Height, components, stream);
            }
            else
            {
                writer.WriteBmp(image.Pixels, image.Width, image.Height, components, stream);
            }
        }

        RasterImage decoded = Decode(input);
        var (code, output, error) = Run("blur", input, "result.png", "--ksize", "7", "--sigma", "1.5", "--border", "replicate");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("7x7 Gaussian", output);
        RasterImage result = Decode(Path.Combine(_directory, "result.png"));
        Assert.Equal(decoded.Channels, result.Channels);
        Assert.Equal(Blur(decoded, 7, 1.5, BorderMode.Replicate), result.Pixels);
    }

    [Fact]
    public void Jpeg_input_is_decoded()
    {
        RasterImage image = Pattern(40, 30, 3);
        string input = Path.Combine(_directory, "in.jpg");
        using (FileStream stream = File.Create(input))
        {
            new ImageWriter().WriteJpg(image.Pixels, image.Width, image.Height, StbImageWriteSharp.ColorComponents.RedGreenBlue, stream, 90);
        }

        var (code, _, error) = Run("blur", "in.jpg", "out.png", "--sigma", "2");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(Blur(Decode(input), 0, 2), Decode(Path.Combine(_directory, "out.png")).Pixels);
    }

    [Fact]
    public void Missing_input_file()
    {
        var (code, _, error) = Run("blur", "nope.png", "out.png");
        Assert.Equal(ExitCodes.InputNotFound, code);
        Assert.Contains("does not exist", error);
        Assert.False(File.Exists(Path.Combine(_directory, "out.png")));
    }

    [Fact]
    public void Undecodable_input_file()
    {
        File.WriteAllText(Path.Combine(_directory, "bad.png"), "this is not an image");
        var (code, _, error) = Run("blur", "bad.png", "out.png");
        Assert.Equal(ExitCodes.UndecodableImage, code);
        Assert.Contains("cannot be decoded", error);
    }

    [Theory]
    [InlineData("blur", "a.png")]
    [InlineData("blur", "a.png", "b.png", "--ksize")]
    [InlineData("blur", "a.png", "b.png", "--ksize", "five")]
    [InlineData("blur", "a.png", "b.png", "--sigma", "NaN")]
    [InlineData("blur", "a.png", "b.png", "--border", "mirror")]
    [InlineData("blur", "a.png", "b.png", "--threads", "0")]
    [InlineData("blur", "a.png", "b.png", "--frobnicate")]
    [InlineData("blur", "a.png", "b.jpg")]
    [InlineData("sharpen", "a.png", "b.png")]
    public void Bad_options_print_usage_and_exit_1(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains("Usage:", error);
    }

    [Fact]
    public void Invalid_kernel_is_reported_with_the_library_message()
    {
        using (FileStream stream = File.Create(Path.Combine(_directory, "in.png")))
        {
            new ImageWriter().WritePng(new byte[16], 4, 4, StbImageWriteSharp.ColorComponents.Grey, stream);
        }

        var (code, _, error) = Run("blur", "in.png", "out.png", "--ksize", "4");
        Assert.Equal(ExitCodes.FilterFailed, code);
        Assert.Contains("odd", error);
    }

    [Fact]
    public void Help()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("--border MODE", output);
    }

    [Fact]
    public void Parser_defaults()
    {
        BlurCommand c = CommandLine.Parse(["blur", "a.png", "b.png"]).Blur!;
        Assert.Equal((5, 0.0, BorderMode.Reflect101, 1), (c.KSize, c.Sigma, c.Border, c.Threads));
        BlurCommand s = CommandLine.Parse(["blur", "a.png", "b.png", "--sigma", "1.5", "--border", "REFLECT_101", "--threads", "2"]).Blur!;
        Assert.Equal((0, 1.5, BorderMode.Reflect101, 2), (s.KSize, s.Sigma, s.Border, s.Threads));
        Assert.Equal(BorderMode.Wrap, CommandLine.Parse(["blur", "a.png", "b.png", "--border", "wrap"]).Blur!.Border);
    }
}
