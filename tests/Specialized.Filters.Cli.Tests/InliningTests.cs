using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace Specialized.Filters.Cli.Tests;

/// <summary>
/// Generated passes are unrolled, and the JIT inlines a method's calls only while the method has fewer than 512
/// locals, its inlinees' included: past that, vector operations become calls and a pass runs several times slower
/// (an 8UC1 11x11 fused pass with an unrolled window fill ran 15x slower) while still computing the right result, so
/// no other test notices. Here the command-line program runs its default job (5x5, 9x9 with split sums summed in 32
/// bits, and 25 taps on the ring), a grey image through 3x3 (pixels in pairs) and through 7x7 sigma 1.3 (the runtime
/// engine's fused pass) with the JIT's disassembly on, and no vector pass of a generated kernel or walk of the runtime's
/// fused pass may call into the library.
/// </summary>
public sealed partial class InliningTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sf-jit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Generated_vector_passes_call_nothing()
    {
        // The default job, then a grey image through the built-in 3x3 kernel, whose fused pass takes one-channel
        // 8-bit pixels in pairs (a method of its own), and through 7x7 sigma 1.3, which no kernel is generated for:
        // the runtime engine's fused pass sums its columns wide (WalkWide), and its walks are as close to the JIT's
        // inlining budget as generated passes (a few more instructions in its row sum once left calls in it, 1.5x slower).
        string grey = Path.Combine(_directory, "grey.png");
        using (FileStream stream = File.Create(grey))
        {
            new StbImageWriteSharp.ImageWriter().WritePng(new byte[300 * 200], 300, 200, StbImageWriteSharp.ColorComponents.Grey, stream);
        }

        Dictionary<string, string[]> vectorPasses = VectorPasses("default", [])
            .Concat(VectorPasses("grey", ["blur", grey, Path.Combine(_directory, "grey-out.png"), "--ksize", "3"]))
            .Concat(VectorPasses("runtime", ["blur", grey, Path.Combine(_directory, "runtime-out.png"), "--ksize", "7", "--sigma", "1.3"]))
            .ToDictionary(pass => pass.Key, pass => pass.Value);
        Assert.Contains(vectorPasses.Keys, name => name.Contains("Kernel:WideFusedPass", StringComparison.Ordinal) || name.Contains("Kernel:FusedPass", StringComparison.Ordinal));
        Assert.Contains(vectorPasses.Keys, name => name.Contains("Kernel:BytePairFusedPass", StringComparison.Ordinal));
        Assert.Contains(vectorPasses.Keys, name => name.Contains("Kernel:RowPass", StringComparison.Ordinal));
        Assert.Contains(vectorPasses.Keys, name => name.Contains(":WalkWide[", StringComparison.Ordinal));
        foreach ((string name, string[] calls) in vectorPasses)
        {
            Assert.True(calls.Length == 0, $"{name} calls {string.Join("; ", calls)}");
        }
    }

    /// <summary>Runs the program with <paramref name="arguments"/> and the JIT's disassembly on; its vector passes, each with the calls it makes.</summary>
    private IEnumerable<KeyValuePair<string, string[]>> VectorPasses(string run, string[] arguments)
    {
        string listing = Path.Combine(_directory, run + "-jit.txt");
        string program = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(program);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_TieredCompilation"] = "0"; // fully optimized code from the first call, as in steady state
        start.Environment["DOTNET_JitDisasm"] = "*Kernel:RowPass *Kernel:ColumnPass *Kernel:FusedPass *Kernel:WideFusedPass *Kernel:SplitFusedPass *Kernel:BytePairFusedPass *FusedDotPass*:Walk*";
        start.Environment["DOTNET_JitStdOutFile"] = listing;
        using (Process process = Process.Start(start)!)
        {
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "the program did not finish");
            Assert.True(process.ExitCode == ExitCodes.Success, output);
        }

        return Listings(File.ReadAllText(listing)).Where(pass => VectorWidth().IsMatch(pass.Key)).Select(pass => new KeyValuePair<string, string[]>($"{run}: {pass.Key}", pass.Value));
    }

    /// <summary>Each disassembled method with the calls it makes into the library, other than to another pass of its kernel.</summary>
    private static IEnumerable<KeyValuePair<string, string[]>> Listings(string text)
    {
        // Everything before the first listing, empty where the file starts with one, is not a method.
        foreach (string method in text.Split("; Assembly listing for method ").Skip(1))
        {
            string[] lines = method.Split('\n');
            string[] calls = lines.Where(line => line.TrimStart().StartsWith("call ", StringComparison.Ordinal) && line.Contains("Specialized.Filters", StringComparison.Ordinal) && !KernelPass().IsMatch(line))
                .Select(line => line.Trim())
                .ToArray();
            yield return new(lines[0].Trim(), calls);
        }
    }

    [GeneratedRegex(@"Vector(128|256|512)Ops`1")]
    private static partial Regex VectorWidth();

    /// <summary>A call from one pass of a generated kernel to another (FusedPass to BytePairFusedPass), each checked on its own.</summary>
    [GeneratedRegex(@"Kernel:\w+Pass\[")]
    private static partial Regex KernelPass();
}
