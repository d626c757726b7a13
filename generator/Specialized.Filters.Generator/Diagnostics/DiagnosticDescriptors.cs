using Microsoft.CodeAnalysis;

namespace Specialized.Filters.Generator.Diagnostics;

/// <summary>Every diagnostic the analyzer reports; each is documented in docs/diagnostics.md under its ID.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Specialized.Filters";
    private const string HelpBase = "https://github.com/specialized-filters/Specialized.Filters/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor InvalidSize = Error(
        "SF0001", "Kernel size must be odd and positive",
        "Kernel {0} {1} is invalid: use an odd size from 1 to {2}, or 0 to derive it from sigma");

    public static readonly DiagnosticDescriptor InvalidSigma = Error(
        "SF0002", "Sigma must be zero or positive and finite",
        "{0} {1} is invalid: use a positive finite value, or 0 to derive it from the kernel size");

    public static readonly DiagnosticDescriptor NothingToDerive = Error(
        "SF0003", "Kernel size 0 needs a positive sigma",
        "Kernel {0} is 0 and {1} is 0, so there is nothing to derive the size from: give an odd size or a positive sigma");

    public static readonly DiagnosticDescriptor NotStatic = Error(
        "SF0004", "Kernel method must be static",
        "Method '{0}' must be static to be a [GaussianKernel] method");

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "SF0005", "Kernel method must be a partial declaration without a body",
        "Method '{0}' must be declared 'partial' without a body; the generator writes the implementation");

    public static readonly DiagnosticDescriptor Generic = Error(
        "SF0006", "Kernel method must not be generic",
        "Method '{0}' must not have type parameters: declare one method per element type");

    public static readonly DiagnosticDescriptor NotVoid = Error(
        "SF0007", "Kernel method must return void",
        "Method '{0}' must return void; the result is written to the destination image");

    public static readonly DiagnosticDescriptor WrongParameters = Error(
        "SF0008", "Kernel method has the wrong parameters",
        "Method '{0}' must take (ImageView<T> src, ImageSpan<T> dst) or (ImageView<T> src, ImageSpan<T> dst, BorderMode border) with the same T and no ref, in, out or params modifiers");

    public static readonly DiagnosticDescriptor UnsupportedElement = Error(
        "SF0009", "Unsupported element type",
        "Element type '{0}' is not supported: use byte, ushort, short, float or double");

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "SF0010", "Containing type must be partial",
        "Type '{0}' contains a [GaussianKernel] method and must be declared 'partial'");

    public static readonly DiagnosticDescriptor DuplicateAttribute = Error(
        "SF0011", "Only one kernel attribute per method",
        "Method '{0}' has {1} [GaussianKernel] attributes: a method implements exactly one kernel");

    public static readonly DiagnosticDescriptor RuntimeFallback = new(
        "SF0012", "Kernel too large to unroll: the runtime engine is used",
        "The {0}x{1} kernel of '{2}' exceeds the {3}-tap unroll limit; the method calls the runtime engine, which computes the same result",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "sf0012");

    public static readonly DiagnosticDescriptor InvalidBorder = Error(
        "SF0013", "Unknown border mode",
        "Border value {0} is not a BorderMode: use Constant, Replicate, Reflect, Wrap or Reflect101");

    public static readonly DiagnosticDescriptor LanguageVersion = Error(
        "SF0014", "C# 11 or later is required",
        "Generated kernels need C# 11 or later (static abstract interface members); this project uses C# {0}");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
