using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specialized.Filters.Generator.Models;

namespace Specialized.Filters.Generator;

/// <summary>Attribute and method to model, or nothing when the method breaks a rule (the analyzer reports it).</summary>
public sealed partial class KernelGenerator
{
    internal static class Parser
    {
        public static KernelMethod? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax declaration)
            {
                return null;
            }

            // Half-typed code (a parameter without a name, an unclosed list) parses with recovered, empty tokens:
            // wait until the declaration is whole rather than emit code that cannot compile.
            if (declaration.ContainsDiagnostics)
            {
                return null;
            }

            LanguageVersion language = (context.SemanticModel.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Default;
            List<Finding> findings = KernelRules.Check(method, context.Attributes, language, cancellationToken, out KernelRequest? request, out string? element);
            if (KernelRules.HasErrors(findings) || request is null || element is null)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var containingTypes = new List<ContainingType>();
            for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                containingTypes.Insert(0, Describe(type));
            }

            string? ns = method.ContainingNamespace.IsGlobalNamespace ? null : method.ContainingNamespace.ToDisplayString();
            string typePath = string.Join(".", containingTypes.Select(t => t.Name + t.TypeParameters));
            string fullName = (ns is null ? string.Empty : ns + ".") + typePath + "." + method.Name;
            string modifiers = string.Join(" ", declaration.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text));
            return new KernelMethod(
                fullName,
                ns,
                new EquatableArray<ContainingType>(containingTypes),
                method.Name,
                modifiers,
                method.Parameters[0].Name,
                method.Parameters[1].Name,
                method.Parameters.Length == 3 ? method.Parameters[2].Name : null,
                element,
                request);
        }

        /// <summary>A file name unique per method overload: type path, method, element type and border form.</summary>
        public static string HintName(KernelMethod method)
        {
            string name = $"{method.FullName}.{method.Element}{(method.BorderName is null ? string.Empty : "+border")}";
            var safe = new System.Text.StringBuilder(name.Length + 5);
            foreach (char c in name)
            {
                safe.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '+' ? c : '_');
            }

            return safe.Append(".g.cs").ToString();
        }

        private static ContainingType Describe(INamedTypeSymbol type)
        {
            string keyword = type.TypeKind switch
            {
                TypeKind.Struct when type.IsRecord => "record struct",
                TypeKind.Struct when type.IsRefLikeType => "ref struct",
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ when type.IsRecord => "record",
                _ => "class",
            };
            string typeParameters = type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";
            return new ContainingType(keyword, type.Name, typeParameters);
        }
    }
}
