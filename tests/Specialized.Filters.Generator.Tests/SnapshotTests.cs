using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Specialized.Filters.Generator.Tests;

/// <summary>
/// The generated code for a representative set of methods, as readable snapshots; every snapshot's compilation
/// (user code plus generated code, nullable enabled, XML docs checked) has no error, and no warning in generated code.
/// </summary>
public class SnapshotTests
{
    public static readonly Dictionary<string, string[]> Scenarios = new()
    {
        ["ElementTypes"] =
        [
            """
            using Specialized.Filters;
            namespace Demo;
            public static partial class Table
            {
                [GaussianKernel(5, 0)] public static partial void Bytes(ImageView<byte> src, ImageSpan<byte> dst);
                [GaussianKernel(5, 0)] public static partial void UInt16s(ImageView<ushort> src, ImageSpan<ushort> dst);
                [GaussianKernel(5, 0)] public static partial void Int16s(ImageView<short> src, ImageSpan<short> dst);
                [GaussianKernel(5, 0)] public static partial void Singles(ImageView<float> src, ImageSpan<float> dst);
                [GaussianKernel(5, 0)] public static partial void Doubles(ImageView<double> src, ImageSpan<double> dst);
            }
            """,
        ],
        ["ExplicitSigma"] =
        [
            """
            using Specialized.Filters;
            namespace Demo;
            static partial class Blur
            {
                [GaussianKernel(5, 1.2)]
                public static partial void Soft(ImageView<byte> src, ImageSpan<byte> dst);

                [GaussianKernel(3, 0.8)]
                internal static partial void Deep(ImageView<ushort> src, ImageSpan<ushort> dst);
            }
            """,
        ],
        ["Rectangular"] =
        [
            """
            using Specialized.Filters;
            namespace Demo;
            static partial class Blur
            {
                [GaussianKernel(7, 3, 2.0, 0.8, Border = BorderMode.Replicate)]
                internal static partial void Wide(ImageView<float> src, ImageSpan<float> dst);

                [GaussianKernel(9, 1, 0.7, 0, Border = BorderMode.Wrap)]
                private static partial void Horizontal(ImageView<byte> src, ImageSpan<byte> dst);
            }
            """,
        ],
        ["RuntimeBorder"] =
        [
            """
            using Specialized.Filters;
            namespace Demo;
            static partial class Blur
            {
                [GaussianKernel(3, 0)]
                public static partial void Any(ImageView<ushort> src, ImageSpan<ushort> dst, BorderMode border);

                [GaussianKernel(7, 1.5)]
                public static partial void Signed(ImageView<short> image, ImageSpan<short> result, BorderMode mode);
            }
            """,
        ],
        ["DerivedSize"] =
        [
            """
            using Specialized.Filters;
            namespace Demo;
            static partial class Blur
            {
                [GaussianKernel(0, 1.5)]
                public static partial void FromSigma(ImageView<double> src, ImageSpan<double> dst);

                [GaussianKernel(0, 3, 1.0, 0)]
                public static partial void WidthFromSigma(ImageView<byte> src, ImageSpan<byte> dst);
            }
            """,
        ],
        ["TypeNesting"] =
        [
            """
            using Specialized.Filters;
            namespace Demo.Deep.Namespace
            {
                public partial class Outer
                {
                    internal partial struct Inner
                    {
                        [GaussianKernel(3, 0)]
                        public static partial void Nested(ImageView<byte> src, ImageSpan<byte> dst);
                    }
                }

                public partial class Generic<TItem> where TItem : class
                {
                    [GaussianKernel(3, 0)]
                    public static partial void InGeneric(ImageView<float> src, ImageSpan<float> dst);
                }

                public partial record Settings(int Value)
                {
                    [GaussianKernel(3, 0)]
                    internal static partial void InRecord(ImageView<byte> src, ImageSpan<byte> dst);
                }
            }
            """,
            """
            using Specialized.Filters;
            static partial class GlobalBlur
            {
                [GaussianKernel(3, 0)]
                public static partial void InGlobalNamespace(ImageView<byte> src, ImageSpan<byte> dst);
            }
            """,
        ],
        ["Fallback"] =
        [
            """
            using Specialized.Filters;
            namespace Demo;
            static partial class Blur
            {
                [GaussianKernel(33, 0)]
                public static partial void Huge(ImageView<byte> src, ImageSpan<byte> dst);
            }
            """,
        ],
    };

    public static IEnumerable<object[]> ScenarioNames => Scenarios.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_code_matches_its_snapshot(string scenario)
    {
        (Compilation output, GeneratorDriverRunResult result) = GeneratorHarness.Run(Scenarios[scenario]);
        Assert.Empty(result.Diagnostics);
        GeneratedSourceResult[] files = result.Results.Single().GeneratedSources.ToArray();
        Assert.NotEmpty(files);
        Snapshot.Verify(scenario, files.Select(f => (f.HintName, f.SourceText.ToString())));
    }

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Generated_code_compiles_without_warnings(string scenario)
    {
        (Compilation output, GeneratorDriverRunResult result) = GeneratorHarness.Run(Scenarios[scenario]);
        var generated = result.Results.Single().GeneratedSources.Select(s => s.SyntaxTree).ToHashSet();
        IEnumerable<Diagnostic> problems = GeneratorHarness.Problems(output)
            .Where(d => d.Severity == DiagnosticSeverity.Error || generated.Contains(d.Location.SourceTree!));
        Assert.True(!problems.Any(), GeneratorHarness.Describe(problems));
    }
}
