using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Cli;

/// <summary>Blurs one image with the requested kernel and reports what was done.</summary>
public static class BlurJob
{
    private const int WarmRuns = 7;

    public static int Run(BlurCommand command, TextWriter output)
    {
        RasterImage input = ImageFiles.Read(command.Input);
        RasterImage result = Blur(input, command, output);
        ImageFiles.WritePng(result, command.Output);
        output.WriteLine($"wrote   {command.Output}");
        return ExitCodes.Success;
    }

    /// <summary>Blurs <paramref name="input"/>, printing the kernel, the sizes and the time of a warm call.</summary>
    public static RasterImage Blur(RasterImage input, BlurCommand command, TextWriter output)
    {
        var src = new ImageView<byte>(input.Pixels, input.Width, input.Height, input.Channels);
        var pixels = new byte[input.Pixels.Length];
        var dst = new ImageSpan<byte>(pixels, input.Width, input.Height, input.Channels);
        int ksizeY = command.KSizeY ?? command.KSize;
        var options = new FilterOptions(command.Threads);
        try
        {
            // The first call pays for JIT compilation; the median of a few warm calls is what an application sees.
            Stopwatch cold = Stopwatch.StartNew();
            Filters.GaussianBlur(src, dst, command.KSize, ksizeY, command.Sigma, command.SigmaY, command.Border, options);
            cold.Stop();
            var warm = new double[WarmRuns];
            for (int i = 0; i < warm.Length; i++)
            {
                long start = Stopwatch.GetTimestamp();
                Filters.GaussianBlur(src, dst, command.KSize, ksizeY, command.Sigma, command.SigmaY, command.Border, options);
                warm[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(warm);

            output.WriteLine($"image   {input.Width}x{input.Height}, {input.Channels} channel(s), 8-bit");
            output.WriteLine($"kernel  {DescribeKernel(command.KSize, ksizeY, command.Sigma, command.SigmaY)}, border {command.Border}, threads {command.Threads}");
            GaussianBlurPlan plan = Filters.PlanGaussianBlur<byte>(input.Width, input.Height, command.KSize, ksizeY, command.Sigma, command.SigmaY, command.Border, options);
            output.WriteLine($"path    {DescribePath(plan)}");
            // A native (ahead-of-time compiled) build has no JIT to warm up.
            string firstCall = RuntimeFeature.IsDynamicCodeCompiled ? "the first call, with JIT" : "the first call";
            output.WriteLine($"time    {warm[WarmRuns / 2]:F3} ms (median of {WarmRuns} calls; {firstCall}: {cold.Elapsed.TotalMilliseconds:F1} ms)");
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, ExitCodes.FilterFailed);
        }

        return input with { Pixels = pixels };
    }

    /// <summary>The sizes and sigmas after OpenCV's defaults, with the fixed-point weights the 8-bit path uses.</summary>
    public static string DescribeKernel(int ksizeX, int ksizeY, double sigmaX, double sigmaY)
    {
        double sy = sigmaY > 0 ? sigmaY : sigmaX;
        int kx = ksizeX > 0 ? ksizeX : GaussianKernels.SizeFromSigma(sigmaX, typeof(byte));
        int ky = ksizeY > 0 ? ksizeY : GaussianKernels.SizeFromSigma(sy, typeof(byte));
        string x = $"{kx} taps, sigma {Sigma(sigmaX)}, weights/256 [{string.Join(' ', GaussianKernels.CreateFixedPoint(kx, Math.Max(0, sigmaX), 8))}]";
        if (kx == ky && sy == sigmaX)
        {
            return $"{kx}x{ky} Gaussian: {x}";
        }

        string y = $"{ky} taps, sigma {Sigma(sy)}, weights/256 [{string.Join(' ', GaussianKernels.CreateFixedPoint(ky, Math.Max(0, sy), 8))}]";
        return $"{kx}x{ky} Gaussian: x {x}; y {y}";
    }

    private static string DescribePath(GaussianBlurPlan plan) => plan.Path switch
    {
        GaussianBlurPath.GeneratedKernel => $"generated kernel ({plan.GeneratedKernel})",
        GaussianBlurPath.RuntimeKernel => "runtime engine (no generated kernel for this size and sigma)",
        _ => "copy (1x1 kernel)",
    };

    private static string Sigma(double sigma) => sigma > 0 ? sigma.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) : "0 (derived from size)";
}
