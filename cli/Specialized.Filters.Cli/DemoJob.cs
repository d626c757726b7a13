using System.IO;

namespace Specialized.Filters.Cli;

/// <summary>The default run: blurs the built-in image with a few presets and writes everything to a folder.</summary>
public static class DemoJob
{
    // Every preset runs on a kernel specialized at compile time: the library ships OpenCV's table kernels
    // (5 and 9 taps with sigma 0), and PresetKernels declares the third.
    private static readonly (string Name, int KSize, double Sigma)[] Presets =
    [
        ("soft", 5, 0),
        ("medium", 9, 0),
        ("strong", 0, PresetKernels.StrongSigma),
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
