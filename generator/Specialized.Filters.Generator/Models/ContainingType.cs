namespace Specialized.Filters.Generator.Models;

/// <summary>One type around the annotated method, as it must be re-declared: <c>partial record struct Name&lt;T&gt;</c>.</summary>
/// <param name="Keyword">The declaration keyword(s) after <c>partial</c>: class, struct, record, record struct or interface.</param>
/// <param name="Name">The type's name.</param>
/// <param name="TypeParameters">Its type parameter list including the angle brackets, or empty.</param>
internal sealed record ContainingType(string Keyword, string Name, string TypeParameters);
