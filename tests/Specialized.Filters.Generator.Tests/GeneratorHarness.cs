using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Specialized.Filters.Generator;
using Specialized.Filters.Generator.Diagnostics;

namespace Specialized.Filters.Generator.Tests;

/// <summary>Compiles sources in memory against .NET 10 and the runtime, and runs the generator and the analyzer on them.</summary>
internal static class GeneratorHarness
{
    /// <summary>Latest C#, with documentation comments checked as in a project that builds its XML docs.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly MetadataReference[] References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Filters).Assembly.Location)];

    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? options = null) =>
        CSharpGeneratorDriver.Create(
            [new KernelGenerator().AsSourceGenerator()],
            parseOptions: options ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the compilation including its output, and the run result.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CreateDriver((CSharpParseOptions)compilation.SyntaxTrees.First().Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (output, driver.GetRunResult());
    }

    public static (Compilation Output, GeneratorDriverRunResult Result) Run(params string[] sources) => Run(Compile(sources));

    /// <summary>The analyzer's diagnostics for the sources (generator output included, as in a real build).</summary>
    public static ImmutableArray<Diagnostic> Analyze(params string[] sources)
    {
        (Compilation output, _) = Run(sources);
        return AnalyzeCompilation(output);
    }

    public static ImmutableArray<Diagnostic> AnalyzeCompilation(Compilation compilation) =>
        compilation.WithAnalyzers([new KernelAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Compiler diagnostics of warning level and above, as a project with TreatWarningsAsErrors would see them.</summary>
    public static IEnumerable<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
