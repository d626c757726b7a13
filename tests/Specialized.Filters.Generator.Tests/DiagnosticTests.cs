using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Specialized.Filters.Generator.Tests;

/// <summary>One test per diagnostic ID: the analyzer reports it (with a help link), and the generator writes nothing for errors.</summary>
public class DiagnosticTests
{
    private static string Kernel(string attribute, string method = "public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst);", string type = "static partial class Blurs") =>
        $$"""
        using Specialized.Filters;
        namespace Demo;
        {{type}}
        {
            {{attribute}}
            {{method}}
        }
        """;

    private static void AssertReported(string id, string source, DiagnosticSeverity severity = DiagnosticSeverity.Error, string? messageContains = null)
    {
        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.Analyze(source);
        Diagnostic? found = diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(found is not null, $"{id} not reported; got: {GeneratorHarness.Describe(diagnostics)}");
        Assert.Equal(severity, found!.Severity);
        Assert.Equal($"https://github.com/specialized-filters/Specialized.Filters/blob/main/docs/diagnostics.md#{id.ToLowerInvariant()}", found.Descriptor.HelpLinkUri);
        Assert.True(found.Location.IsInSource, $"{id} has no source location");
        Assert.DoesNotContain("Specialized.Filters.Generator", found.Location.SourceTree!.FilePath);
        Assert.Equal(diagnostics.Length, diagnostics.Distinct().Count());
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, found.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        }

        (_, GeneratorDriverRunResult result) = GeneratorHarness.Run(source);
        Assert.Empty(result.Diagnostics);
        if (severity == DiagnosticSeverity.Error)
        {
            Assert.Empty(result.Results.Single().GeneratedSources);
        }
    }

    [Theory]
    [InlineData("[GaussianKernel(4, 0)]")]
    [InlineData("[GaussianKernel(-3, 1.0)]")]
    [InlineData("[GaussianKernel(3, 6, 1.0, 1.0)]")]
    [InlineData("[GaussianKernel(70001, 0)]")]
    [InlineData("[GaussianKernel(0, 100000.0)]")]
    public void SF0001_invalid_size(string attribute) => AssertReported("SF0001", Kernel(attribute));

    [Theory]
    [InlineData("[GaussianKernel(3, -1.0)]")]
    [InlineData("[GaussianKernel(3, double.NaN)]")]
    [InlineData("[GaussianKernel(3, 3, 1.0, double.PositiveInfinity)]")]
    public void SF0002_invalid_sigma(string attribute) => AssertReported("SF0002", Kernel(attribute));

    [Theory]
    [InlineData("[GaussianKernel(0, 0)]", "size")]
    [InlineData("[GaussianKernel(0, 3, 0, 1.0)]", "width")]
    [InlineData("[GaussianKernel(3, 0, 0, 0)]", "height")]
    public void SF0003_nothing_to_derive_the_size_from(string attribute, string axis) =>
        AssertReported("SF0003", Kernel(attribute), messageContains: axis);

    [Fact]
    public void SF0004_not_static() =>
        AssertReported("SF0004", Kernel("[GaussianKernel(3, 0)]", "public partial void Blur(ImageView<byte> src, ImageSpan<byte> dst);", "partial class Blurs"));

    [Fact]
    public void SF0005_not_partial() =>
        AssertReported("SF0005", Kernel("[GaussianKernel(3, 0)]", "public static void Blur(ImageView<byte> src, ImageSpan<byte> dst) { }"));

    [Fact]
    public void SF0005_already_implemented() =>
        AssertReported("SF0005", Kernel("[GaussianKernel(3, 0)]", "public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst); public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst) { }"));

    [Fact]
    public void SF0006_generic() =>
        AssertReported("SF0006", Kernel("[GaussianKernel(3, 0)]", "public static partial void Blur<T>(ImageView<T> src, ImageSpan<T> dst) where T : unmanaged;"));

    [Fact]
    public void SF0007_not_void() =>
        AssertReported("SF0007", Kernel("[GaussianKernel(3, 0)]", "public static partial int Blur(ImageView<byte> src, ImageSpan<byte> dst);"));

    [Theory]
    [InlineData("public static partial void Blur(ImageView<byte> src);")]
    [InlineData("public static partial void Blur(ImageView<byte> src, ImageSpan<float> dst);")]
    [InlineData("public static partial void Blur(ImageSpan<byte> dst, ImageView<byte> src);")]
    [InlineData("public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst, int border);")]
    [InlineData("public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst, BorderMode border, int extra);")]
    [InlineData("public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst, out BorderMode border);")]
    public void SF0008_wrong_parameters(string method) => AssertReported("SF0008", Kernel("[GaussianKernel(3, 0)]", method));

    [Fact]
    public void SF0009_unsupported_element_type() =>
        AssertReported("SF0009", Kernel("[GaussianKernel(3, 0)]", "public static partial void Blur(ImageView<int> src, ImageSpan<int> dst);"), messageContains: "int");

    [Fact]
    public void SF0010_containing_type_not_partial() =>
        AssertReported("SF0010", Kernel("[GaussianKernel(3, 0)]", type: "static class Blurs"), messageContains: "Blurs");

    [Fact]
    public void SF0010_outer_type_not_partial() =>
        AssertReported("SF0010", """
            using Specialized.Filters;
            class Outer
            {
                static partial class Inner
                {
                    [GaussianKernel(3, 0)] public static partial void Blur(ImageView<byte> src, ImageSpan<byte> dst);
                }
            }
            """, messageContains: "Outer");

    [Fact]
    public void SF0011_two_attributes() =>
        AssertReported("SF0011", Kernel("[GaussianKernel(3, 0)][GaussianKernel(5, 0)]"));

    [Fact]
    public void SF0012_large_kernel_falls_back_to_the_runtime()
    {
        string source = Kernel("[GaussianKernel(0, 6.0)]"); // 8-bit: 37 taps derived from sigma
        AssertReported("SF0012", source, DiagnosticSeverity.Info, messageContains: "37x37");
        (Compilation output, GeneratorDriverRunResult result) = GeneratorHarness.Run(source);
        string generated = result.Results.Single().GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("global::Specialized.Filters.Filters.GaussianBlur<byte>(", generated);
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void SF0013_unknown_border() =>
        AssertReported("SF0013", Kernel("[GaussianKernel(3, 0, Border = (BorderMode)7)]"));

    [Fact]
    public void SF0014_old_language_version()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(new CSharpParseOptions(LanguageVersion.CSharp10), Kernel("[GaussianKernel(3, 0)]"));
        (Compilation output, GeneratorDriverRunResult result) = GeneratorHarness.Run(compilation);
        Assert.Empty(result.Results.Single().GeneratedSources);
        Assert.Contains(GeneratorHarness.AnalyzeCompilation(output), d => d.Id == "SF0014");
    }

    [Fact]
    public void Valid_methods_report_nothing()
    {
        ImmutableArray<Diagnostic> diagnostics = GeneratorHarness.Analyze(SnapshotTests.Scenarios["ElementTypes"]);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_descriptor_is_documented_and_tracked()
    {
        string root = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.AppContext.BaseDirectory, "../../../../.."));
        string docs = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "docs/diagnostics.md"));
        string releases = System.IO.File.ReadAllText(System.IO.Path.Combine(root, "generator/Specialized.Filters.Generator/AnalyzerReleases.Unshipped.md"));
        foreach (DiagnosticDescriptor descriptor in new Diagnostics.KernelAnalyzer().SupportedDiagnostics)
        {
            Assert.Contains($"## {descriptor.Id}", docs);
            Assert.Contains($"{descriptor.Id} |", releases);
        }
    }
}
