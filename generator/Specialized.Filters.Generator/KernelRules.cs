using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Specialized.Filters.Generator.Diagnostics;
using Specialized.Filters.Generator.Models;
using Specialized.Filters.Generator.Planning;

namespace Specialized.Filters.Generator;

/// <summary>One rule a [GaussianKernel] method breaks: the analyzer reports it, the generator skips the method.</summary>
internal sealed record Finding(DiagnosticDescriptor Descriptor, Location? Location, params object[] Arguments)
{
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, Arguments);
}

/// <summary>
/// The rules for [GaussianKernel] methods, in one place so the analyzer and the generator cannot disagree on
/// what is valid: the analyzer reports every finding, the generator emits only for methods without errors.
/// </summary>
internal static class KernelRules
{
    public const string AttributeMetadataName = "Specialized.Filters.GaussianKernelAttribute";
    public const int MaxFilterSize = 65535;

    public static bool IsKernelAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { } type && type.ToDisplayString() == "Specialized.Filters.GaussianKernelAttribute";

    /// <summary>Checks a method and its kernel attributes; <paramref name="request"/> is set when the attribute is readable.</summary>
    public static List<Finding> Check(IMethodSymbol method, ImmutableArray<AttributeData> attributes, LanguageVersion languageVersion, CancellationToken cancellationToken, out KernelRequest? request, out string? element)
    {
        var findings = new List<Finding>();
        request = null;
        element = null;
        if (attributes.Length == 0)
        {
            return findings;
        }

        if (attributes.Length > 1)
        {
            findings.Add(new Finding(DiagnosticDescriptors.DuplicateAttribute, LocationOf(attributes[1]) ?? method.Locations.FirstOrDefault(), method.Name, attributes.Length));
        }

        if (languageVersion < LanguageVersion.CSharp11)
        {
            findings.Add(new Finding(DiagnosticDescriptors.LanguageVersion, LocationOf(attributes[0]), languageVersion.ToDisplayString()));
        }

        CheckMethod(method, findings, cancellationToken, out element);
        request = ReadRequest(attributes[0], findings);
        if (request is not null && element is not null)
        {
            CheckKernel(request, element, method.Name, attributes[0], findings);
        }

        return findings;
    }

    public static bool HasErrors(List<Finding> findings) => findings.Any(f => f.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);

    private static void CheckMethod(IMethodSymbol method, List<Finding> findings, CancellationToken cancellationToken, out string? element)
    {
        element = null;
        Location? where = method.Locations.FirstOrDefault();
        if (!method.IsStatic)
        {
            findings.Add(new Finding(DiagnosticDescriptors.NotStatic, where, method.Name));
        }

        MethodDeclarationSyntax? declaration = Declaration(method, cancellationToken);
        bool isPartialDefinition = declaration is not null && declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
            && declaration.Body is null && declaration.ExpressionBody is null;
        if (!isPartialDefinition || (method.PartialImplementationPart is { } implementation && !IsGenerated(implementation)))
        {
            findings.Add(new Finding(DiagnosticDescriptors.NotPartial, where, method.Name));
        }

        if (method.IsGenericMethod)
        {
            findings.Add(new Finding(DiagnosticDescriptors.Generic, where, method.Name));
        }

        if (!method.ReturnsVoid)
        {
            findings.Add(new Finding(DiagnosticDescriptors.NotVoid, where, method.Name));
        }

        CheckParameters(method, findings, where, out element);

        for (INamedTypeSymbol? type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax typeSyntax && !typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    findings.Add(new Finding(DiagnosticDescriptors.TypeNotPartial, typeSyntax.Identifier.GetLocation(), type.Name));
                    break;
                }
            }
        }
    }

    private static void CheckParameters(IMethodSymbol method, List<Finding> findings, Location? where, out string? element)
    {
        element = null;
        ImmutableArray<IParameterSymbol> parameters = method.Parameters;
        bool shape = parameters.Length is 2 or 3
            && parameters.All(p => p.RefKind == RefKind.None && !p.IsParams && !string.IsNullOrEmpty(p.Name))
            && IsImage(parameters[0].Type, "ImageView", out ITypeSymbol? viewElement)
            && IsImage(parameters[1].Type, "ImageSpan", out ITypeSymbol? spanElement)
            && SymbolEqualityComparer.Default.Equals(viewElement, spanElement)
            && (parameters.Length == 2 || parameters[2].Type.ToDisplayString() == "Specialized.Filters.BorderMode");
        if (!shape)
        {
            findings.Add(new Finding(DiagnosticDescriptors.WrongParameters, where, method.Name));
            return;
        }

        ITypeSymbol type = ((INamedTypeSymbol)parameters[0].Type).TypeArguments[0];
        string? keyword = type.SpecialType switch
        {
            SpecialType.System_Byte => "byte",
            SpecialType.System_UInt16 => "ushort",
            SpecialType.System_Int16 => "short",
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            _ => null,
        };
        if (keyword is null || !ElementKinds.IsSupported(keyword))
        {
            findings.Add(new Finding(DiagnosticDescriptors.UnsupportedElement, parameters[0].Locations.FirstOrDefault() ?? where, type.ToDisplayString()));
            return;
        }

        element = keyword;
    }

    private static bool IsImage(ITypeSymbol type, string name, out ITypeSymbol? element)
    {
        element = null;
        if (type is INamedTypeSymbol { IsGenericType: true } named
            && named.OriginalDefinition.ToDisplayString() == $"Specialized.Filters.{name}<T>")
        {
            element = named.TypeArguments[0];
            return true;
        }

        return false;
    }

    /// <summary>Reads the attribute's arguments as written; null when they are incomplete (half-typed code).</summary>
    private static KernelRequest? ReadRequest(AttributeData attribute, List<Finding> findings)
    {
        ImmutableArray<TypedConstant> args = attribute.ConstructorArguments;
        if (attribute.AttributeConstructor is null || args.Any(a => a.Kind == TypedConstantKind.Error || a.Value is null))
        {
            return null;
        }

        int border = 4;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Border")
            {
                if (named.Value.Value is not int value)
                {
                    return null;
                }

                if (value < 0 || value > 4)
                {
                    findings.Add(new Finding(DiagnosticDescriptors.InvalidBorder, LocationOf(attribute), value));
                }

                border = value;
            }
        }

        if (args.Length == 2 && args[0].Value is int size && args[1].Value is double sigma)
        {
            return new KernelRequest(size, size, sigma, sigma, border);
        }

        if (args.Length == 4 && args[0].Value is int width && args[1].Value is int height && args[2].Value is double sigmaX && args[3].Value is double sigmaY)
        {
            return new KernelRequest(width, height, sigmaX, sigmaY, border);
        }

        return null;
    }

    private static void CheckKernel(KernelRequest request, string element, string methodName, AttributeData attribute, List<Finding> findings)
    {
        Location? where = LocationOf(attribute);
        bool square = attribute.ConstructorArguments.Length == 2;
        string widthName = square ? "size" : "width", heightName = square ? "size" : "height";
        string sigmaXName = square ? "sigma" : "sigmaX", sigmaYName = square ? "sigma" : "sigmaY";
        int errors = findings.Count;
        CheckSize(request.Width, widthName, where, findings);
        if (!square)
        {
            CheckSize(request.Height, heightName, where, findings);
        }

        CheckSigma(request.SigmaX, sigmaXName, where, findings);
        if (!square)
        {
            CheckSigma(request.SigmaY, sigmaYName, where, findings);
        }

        if (findings.Count > errors)
        {
            return;
        }

        double sigmaY = request.SigmaY > 0 ? request.SigmaY : request.SigmaX;
        if (request.Width == 0 && request.SigmaX <= 0)
        {
            findings.Add(new Finding(DiagnosticDescriptors.NothingToDerive, where, widthName, sigmaXName));
        }
        else if (request.Height == 0 && sigmaY <= 0)
        {
            findings.Add(new Finding(DiagnosticDescriptors.NothingToDerive, where, heightName, sigmaYName));
        }

        if (findings.Count > errors)
        {
            return;
        }

        bool isByte = element == "byte";
        double width = request.Width > 0 ? request.Width : GaussianMath.SizeFromSigma(request.SigmaX, isByte);
        double height = request.Height > 0 ? request.Height : GaussianMath.SizeFromSigma(sigmaY, isByte);
        if (width > MaxFilterSize || height > MaxFilterSize)
        {
            findings.Add(new Finding(DiagnosticDescriptors.InvalidSize, where, width > MaxFilterSize ? widthName : heightName, $"{(width > MaxFilterSize ? width : height)} (derived from sigma)", MaxFilterSize));
            return;
        }

        if (width > KernelPlan.MaxUnrolledTaps || height > KernelPlan.MaxUnrolledTaps)
        {
            findings.Add(new Finding(DiagnosticDescriptors.RuntimeFallback, where, (int)width, (int)height, methodName, KernelPlan.MaxUnrolledTaps));
        }
    }

    private static void CheckSize(int size, string name, Location? where, List<Finding> findings)
    {
        if (size < 0 || (size > 0 && size % 2 == 0) || size > MaxFilterSize)
        {
            findings.Add(new Finding(DiagnosticDescriptors.InvalidSize, where, name, size, MaxFilterSize));
        }
    }

    private static void CheckSigma(double sigma, string name, Location? where, List<Finding> findings)
    {
        if (double.IsNaN(sigma) || double.IsInfinity(sigma) || sigma < 0)
        {
            findings.Add(new Finding(DiagnosticDescriptors.InvalidSigma, where, name, sigma.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>True for the implementation this generator wrote (the analyzer sees the build's generated files too).</summary>
    private static bool IsGenerated(IMethodSymbol implementation) =>
        implementation.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.Contains(typeof(KernelRules).Assembly.GetName().Name!)
            || r.SyntaxTree.GetRoot().GetLeadingTrivia().ToString().Contains("Generated by Specialized.Filters.Generator"));

    public static MethodDeclarationSyntax? Declaration(IMethodSymbol method, CancellationToken cancellationToken) =>
        method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();

    private static Location? LocationOf(AttributeData attribute) => attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
}
