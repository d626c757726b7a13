namespace Specialized.Filters.Generator.Models;

/// <summary>
/// Everything the emitter needs about one annotated method, as plain values: no symbols, syntax or locations,
/// so the incremental pipeline can cache it and compare it across edits.
/// </summary>
/// <param name="FullName">The method's fully qualified name (namespace, containing types, method), for hint names and registration.</param>
/// <param name="Namespace">The containing namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Containing types, outermost first.</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="Modifiers">The method's modifiers as written, e.g. <c>public static</c>.</param>
/// <param name="SourceName">Name of the <c>ImageView&lt;T&gt;</c> parameter.</param>
/// <param name="DestinationName">Name of the <c>ImageSpan&lt;T&gt;</c> parameter.</param>
/// <param name="BorderName">Name of the optional <c>BorderMode</c> parameter, or null when the border is the attribute's.</param>
/// <param name="Element">The element type keyword: byte, ushort, short, float or double.</param>
/// <param name="Kernel">The kernel the attribute asks for.</param>
internal sealed record KernelMethod(
    string FullName,
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string MethodName,
    string Modifiers,
    string SourceName,
    string DestinationName,
    string? BorderName,
    string Element,
    KernelRequest Kernel);

/// <summary>The arguments of a <c>[GaussianKernel]</c> attribute, as written (sizes may be 0, sigmas 0).</summary>
internal sealed record KernelRequest(int Width, int Height, double SigmaX, double SigmaY, int Border);
