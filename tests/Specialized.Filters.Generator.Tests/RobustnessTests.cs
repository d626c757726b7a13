using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Specialized.Filters.Generator.Tests;

/// <summary>
/// Half-typed code in an IDE: every prefix of a realistic annotated method is fed to the generator, which must never
/// throw (CS8785) and never emit code with errors of its own.
/// </summary>
public class RobustnessTests
{
    private const string Prefix = "using Specialized.Filters;\nnamespace Demo;\nstatic partial class Blur\n{\n";

    private const string Typed = "    [GaussianKernel(7, 3, 2.0, 0.8, Border = BorderMode.Replicate)]\n    internal static partial void Wide(ImageView<float> src, ImageSpan<float> dst, BorderMode border);\n}\n";

    [Fact]
    public void Every_prefix_of_a_method_is_handled()
    {
        for (int length = 0; length <= Typed.Length; length++)
        {
            string source = Prefix + Typed[..length];
            (Compilation output, GeneratorDriverRunResult result) = GeneratorHarness.Run(source);
            GeneratorRunResult run = result.Results.Single();
            Assert.True(run.Exception is null, $"prefix {length}: {run.Exception}");
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785");
            var generatedTrees = run.GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
            var generatedErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && generatedTrees.Contains(d.Location.SourceTree!)).ToList();
            Assert.True(generatedErrors.Count == 0, $"prefix {length} ({Typed[..length].Trim()}): {GeneratorHarness.Describe(generatedErrors)}");
        }
    }

    [Fact]
    public void The_analyzer_survives_every_prefix_too()
    {
        for (int length = 0; length <= Typed.Length; length += 3)
        {
            var diagnostics = GeneratorHarness.Analyze(Prefix + Typed[..length]);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001"); // analyzer crash
        }
    }
}
