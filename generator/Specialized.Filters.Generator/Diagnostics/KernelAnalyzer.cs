using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Specialized.Filters.Generator.Diagnostics;

/// <summary>
/// Explains, with an ID and a fix, every [GaussianKernel] method the generator cannot implement, and notes the ones
/// that fall back to the runtime engine. Separate from the generator, as the Roslyn cookbook advises: generators
/// stay fast and silent, analyzers report.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KernelAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.InvalidSize,
        DiagnosticDescriptors.InvalidSigma,
        DiagnosticDescriptors.NothingToDerive,
        DiagnosticDescriptors.NotStatic,
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.Generic,
        DiagnosticDescriptors.NotVoid,
        DiagnosticDescriptors.WrongParameters,
        DiagnosticDescriptors.UnsupportedElement,
        DiagnosticDescriptors.TypeNotPartial,
        DiagnosticDescriptors.DuplicateAttribute,
        DiagnosticDescriptors.RuntimeFallback,
        DiagnosticDescriptors.InvalidBorder,
        DiagnosticDescriptors.LanguageVersion);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        var method = (IMethodSymbol)context.Symbol;
        ImmutableArray<AttributeData> attributes = method.GetAttributes().Where(KernelRules.IsKernelAttribute).ToImmutableArray();
        if (attributes.Length == 0)
        {
            return;
        }

        LanguageVersion language = (context.Compilation as CSharpCompilation)?.LanguageVersion ?? LanguageVersion.Default;
        foreach (Finding finding in KernelRules.Check(method, attributes, language, context.CancellationToken, out _, out _))
        {
            context.ReportDiagnostic(finding.ToDiagnostic());
        }
    }
}
