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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AnalyzeMethod, SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context)
    {
        // Once the generator has implemented a partial method, Roslyn hands analyzers the implementation part, which
        // lives in generated code (hence analyzing generated code is on); the rules are about the user's definition.
        // When a definition already has an implementation, only the implementation's callback reports, so each
        // method is reported once.
        var symbol = (IMethodSymbol)context.Symbol;
        if (symbol.PartialImplementationPart is not null)
        {
            return;
        }

        IMethodSymbol method = symbol.PartialDefinitionPart ?? symbol;
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
