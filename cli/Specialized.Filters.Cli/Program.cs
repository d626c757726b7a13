using System;
using System.IO;

namespace Specialized.Filters.Cli;

/// <summary>
/// <c>Specialized.Filters.Cli</c> with no arguments blurs a built-in image into ./out;
/// <c>blur &lt;input&gt; &lt;output&gt; [options]</c> blurs a PNG, JPEG or BMP file into a PNG.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0)
            {
                return DemoJob.Run(Path.Combine(Environment.CurrentDirectory, "out"), Console.Out);
            }

            CommandLine command = CommandLine.Parse(args);
            if (command.ShowHelp)
            {
                Console.Out.Write(CommandLine.Usage);
                return ExitCodes.Success;
            }

            return BlurJob.Run(command.Blur!, Console.Out);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine();
            Console.Error.Write(CommandLine.Usage);
            return ExitCodes.BadUsage;
        }
        catch (CliException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }
}
