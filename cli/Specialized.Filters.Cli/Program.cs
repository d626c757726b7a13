using System;
using System.IO;

namespace Specialized.Filters.Cli;

/// <summary>
/// <c>Specialized.Filters.Cli</c> with no arguments blurs a built-in image into ./out;
/// <c>blur &lt;input&gt; &lt;output&gt; [options]</c> blurs a PNG, JPEG or BMP file into a PNG.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, Environment.CurrentDirectory);

    /// <summary>Runs the command line with explicit streams and working directory (what the tests call).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, string workingDirectory)
    {
        try
        {
            if (args.Length == 0)
            {
                return DemoJob.Run(Path.Combine(workingDirectory, "out"), output);
            }

            CommandLine command = CommandLine.Parse(args);
            if (command.ShowHelp)
            {
                output.Write(CommandLine.Usage);
                return ExitCodes.Success;
            }

            BlurCommand blur = command.Blur! with
            {
                Input = Path.Combine(workingDirectory, command.Blur!.Input),
                Output = Path.Combine(workingDirectory, command.Blur.Output),
            };
            return BlurJob.Run(blur, output);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine();
            error.Write(CommandLine.Usage);
            return ExitCodes.BadUsage;
        }
        catch (CliException e)
        {
            error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
