using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specialized.Filters.Generator.Models;

namespace Specialized.Filters.Generator;

/// <summary>
/// Implements <c>[GaussianKernel]</c> partial methods with kernels specialized at compile time. The pipeline:
/// annotated methods (found through the attribute's metadata name) become plain value models, then one source
/// file each. Methods that break a rule are skipped here and explained by <see cref="Diagnostics.KernelAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class KernelGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the pipeline steps, for incrementality tests.</summary>
    public static class TrackingNames
    {
        /// <summary>Each annotated method as a model, or null when it breaks a rule.</summary>
        public const string Methods = nameof(Methods);

        /// <summary>The methods that get code.</summary>
        public const string ValidMethods = nameof(ValidMethods);

        /// <summary>One generated file per method.</summary>
        public const string Sources = nameof(Sources);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<KernelMethod?> methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KernelRules.AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (context, cancellationToken) => Parser.Parse(context, cancellationToken))
            .WithTrackingName(TrackingNames.Methods);

        IncrementalValuesProvider<KernelMethod> valid = methods
            .Where(static method => method is not null)
            .Select(static (method, _) => method!)
            .WithTrackingName(TrackingNames.ValidMethods);

        IncrementalValuesProvider<GeneratedFile> sources = valid
            .Select(static (method, _) => new GeneratedFile(Parser.HintName(method), Emitter.Emit(method)))
            .WithTrackingName(TrackingNames.Sources);

        context.RegisterSourceOutput(sources, static (output, file) => output.AddSource(file.HintName, file.Source));
    }
}
