using System;
using System.Globalization;

namespace Specialized.Filters.Cli;

/// <summary>What the user asked the <c>blur</c> command to do.</summary>
public sealed record BlurCommand(string Input, string Output, int KSize, int? KSizeY, double Sigma, double SigmaY, BorderMode Border, int Threads);

/// <summary>Parses <c>blur &lt;input&gt; &lt;output&gt; [--ksize N] [--ksize-y N] [--sigma S] [--sigma-y S] [--border MODE] [--threads N]</c>.</summary>
public sealed record CommandLine(bool ShowHelp, BlurCommand? Blur)
{
    public const string Usage =
        """
        Usage:
          Specialized.Filters.Cli                       blur a built-in image into ./out
          Specialized.Filters.Cli blur <input> <output.png> [options]

        Input: PNG, JPEG or BMP (grey, grey+alpha, RGB or RGBA). Output: PNG with the same channels.

        Options:
          --ksize N      odd kernel size, or 0 to derive it from --sigma (default 5, or 0 when --sigma is given)
          --ksize-y N    odd kernel height if it differs from --ksize
          --sigma S      standard deviation; 0 derives it from the size (default 0)
          --sigma-y S    vertical standard deviation; 0 means --sigma (default 0)
          --border MODE  constant | replicate | reflect | wrap | reflect101 (default reflect101)
          --threads N    row bands filtered in parallel (default 1); the result is the same
          -h, --help     show this text

        """;

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help"))
        {
            return new CommandLine(true, null);
        }

        if (args[0] != "blur")
        {
            throw new UsageException($"unknown command '{args[0]}'; the only command is 'blur'.");
        }

        string? input = null, output = null;
        int? ksize = null, ksizeY = null;
        double sigma = 0, sigmaY = 0;
        var border = BorderMode.Reflect101;
        int threads = 1;
        for (int i = 1; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "-h":
                case "--help":
                    return new CommandLine(true, null);
                case "--ksize":
                    ksize = ParseInt(arg, Value(args, ref i));
                    break;
                case "--ksize-y":
                    ksizeY = ParseInt(arg, Value(args, ref i));
                    break;
                case "--sigma":
                    sigma = ParseDouble(arg, Value(args, ref i));
                    break;
                case "--sigma-y":
                    sigmaY = ParseDouble(arg, Value(args, ref i));
                    break;
                case "--border":
                    border = ParseBorder(Value(args, ref i));
                    break;
                case "--threads":
                    threads = ParseInt(arg, Value(args, ref i));
                    if (threads < 1)
                    {
                        throw new UsageException("--threads must be at least 1.");
                    }

                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        throw new UsageException($"unknown option '{arg}'.");
                    }

                    if (input is null)
                    {
                        input = arg;
                    }
                    else if (output is null)
                    {
                        output = arg;
                    }
                    else
                    {
                        throw new UsageException($"unexpected argument '{arg}'.");
                    }

                    break;
            }
        }

        if (input is null || output is null)
        {
            throw new UsageException("blur needs an input file and an output file.");
        }

        if (!output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"the output '{output}' must be a .png file.");
        }

        int size = ksize ?? (sigma > 0 ? 0 : 5);
        return new CommandLine(false, new BlurCommand(input, output, size, ksizeY, sigma, sigmaY, border, threads));
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new UsageException($"{args[i]} needs a value.");
        }

        return args[++i];
    }

    private static int ParseInt(string option, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new UsageException($"{option} expects an integer, not '{text}'.");

    private static double ParseDouble(string option, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{option} expects a number, not '{text}'.");

    private static BorderMode ParseBorder(string text) =>
        text.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "constant" => BorderMode.Constant,
            "replicate" => BorderMode.Replicate,
            "reflect" => BorderMode.Reflect,
            "wrap" => BorderMode.Wrap,
            "reflect101" or "default" => BorderMode.Reflect101,
            _ => throw new UsageException($"unknown border '{text}'; use constant, replicate, reflect, wrap or reflect101."),
        };
}
