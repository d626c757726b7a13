using System.IO;

namespace Specialized.Filters.Cli;

/// <summary>The default run: blurs the built-in image with a few presets and writes everything to a folder.</summary>
public static class DemoJob
{
    private static readonly (string Name, int KSize, double Sigma)[] Presets =
    [
        ("soft", 5, 0),     // OpenCV's 5-tap table kernel
        ("medium", 9, 0),   // the 9-tap table kernel
        ("strong", 0, 4.0), // size derived from sigma: 25 taps for 8-bit
    ];

    public static int Run(string directory, TextWriter output)
    {
        RasterImage image = DefaultImage.Create();
        string input = Path.Combine(directory, "input.png");
        ImageFiles.WritePng(image, input);
        output.WriteLine($"wrote   {input} (built-in {image.Width}x{image.Height} test image)");
        foreach (var (name, ksize, sigma) in Presets)
        {
            output.WriteLine();
            output.WriteLine($"preset  {name}");
            var command = new BlurCommand(input, Path.Combine(directory, $"blur-{name}.png"), ksize, null, sigma, 0, BorderMode.Reflect101, 1);
            RasterImage result = BlurJob.Blur(image, command, output);
            ImageFiles.WritePng(result, command.Output);
            output.WriteLine($"wrote   {command.Output}");
        }

        return ExitCodes.Success;
    }
}
