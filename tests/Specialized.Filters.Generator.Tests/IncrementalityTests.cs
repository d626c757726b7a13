using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Specialized.Filters.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits regenerate nothing, and a sigma change regenerates one method only.</summary>
public class IncrementalityTests
{
    private const string Kernels = """
        using Specialized.Filters;
        namespace Demo;
        static partial class Blur
        {
            [GaussianKernel(5, 1.2)]
            public static partial void Soft(ImageView<byte> src, ImageSpan<byte> dst);

            [GaussianKernel(3, 0)]
            public static partial void Sharp(ImageView<float> src, ImageSpan<float> dst);
        }
        """;

    private const string Unrelated = "namespace Demo; public class Other { public int Value => 1; }";

    private static readonly string[] TrackedSteps = [KernelGenerator.TrackingNames.Methods, KernelGenerator.TrackingNames.ValidMethods, KernelGenerator.TrackingNames.Sources];

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(Kernels, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        return (driver, compilation);
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> OutputReasons(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps
            .Where(step => TrackedSteps.Contains(step.Key))
            .SelectMany(step => step.Value.SelectMany(run => run.Outputs.Select(output => (step.Key, output.Reason))));

    [Fact]
    public void Every_step_has_a_tracking_name()
    {
        (GeneratorDriver driver, _) = FirstRun();
        ImmutableDictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (string name in TrackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} not tracked");
        }
    }

    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        SyntaxTree old = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Unrelated.Replace("1", "2", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, old.FilePath));
        driver = driver.RunGenerators(edited);
        var reasons = OutputReasons(driver).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{r.Step}: {r.Reason}"));
    }

    [Fact]
    public void A_sigma_change_regenerates_only_that_method()
    {
        (GeneratorDriver driver, CSharpCompilation compilation) = FirstRun();
        SyntaxTree old = compilation.SyntaxTrees.First();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Kernels.Replace("5, 1.2", "5, 1.3", System.StringComparison.Ordinal), GeneratorHarness.ParseOptions, old.FilePath));
        driver = driver.RunGenerators(edited);
        IncrementalGeneratorRunStep[] sources = driver.GetRunResult().Results.Single().TrackedSteps[KernelGenerator.TrackingNames.Sources].ToArray();
        var reasons = sources.SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        string soft = driver.GetRunResult().Results.Single().GeneratedSources.Single(s => s.HintName.Contains("Soft", System.StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("1.3", soft);
    }
}
