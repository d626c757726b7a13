using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Specialized.Filters.Generator.Models;
using Xunit;

namespace Specialized.Filters.Generator.Tests;

/// <summary>
/// Pipeline models hold only values: no symbol, syntax, location, semantic model or compilation (which would break
/// caching and keep whole compilations alive). Walks every field by reflection, interfaces included.
/// </summary>
public class ModelPurityTests
{
    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxToken), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel), typeof(Compilation), typeof(AttributeData)];

    [Theory]
    [InlineData(typeof(KernelMethod))]
    [InlineData(typeof(GeneratedFile))]
    public void Models_hold_no_compiler_objects(Type model)
    {
        var seen = new HashSet<Type>();
        Walk(model, model.Name, seen);
        Assert.True(model != typeof(KernelMethod) || seen.Contains(typeof(KernelRequest)), "the walk did not reach nested models");
    }

    private static void Walk(Type type, string path, HashSet<Type> seen)
    {
        foreach (Type bad in Forbidden)
        {
            Assert.False(bad.IsAssignableFrom(type) || (type.IsInterface && type.GetInterfaces().Contains(bad)), $"{path} is a {bad.Name}");
        }

        if (type.IsPrimitive || type == typeof(string) || type.IsEnum || !seen.Add(type))
        {
            return;
        }

        Assert.False(type == typeof(object), $"{path} is typed object and could hold anything");
        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Type fieldType = Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType;
            Walk(fieldType, $"{path}.{field.Name}", seen);
            foreach (Type argument in fieldType.IsGenericType ? fieldType.GetGenericArguments() : [])
            {
                Walk(argument, $"{path}.{field.Name}<{argument.Name}>", seen);
            }
        }
    }

    [Fact]
    public void Models_compare_by_value()
    {
        static KernelMethod Make() => new(
            "Demo.Blur.Soft", "Demo", new EquatableArray<ContainingType>([new ContainingType("class", "Blur", "")]),
            "Soft", "public static", "src", "dst", null, "byte", new KernelRequest(5, 5, 1.2, 1.2, 4));
        Assert.Equal(Make(), Make());
        Assert.Equal(Make().GetHashCode(), Make().GetHashCode());
        Assert.NotEqual(Make(), Make() with { Kernel = new KernelRequest(5, 5, 1.3, 1.3, 4) });
    }
}
