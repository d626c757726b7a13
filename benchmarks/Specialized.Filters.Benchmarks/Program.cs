using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so any subset can be run, e.g.
/// <c>dotnet run -c Release --project benchmarks/Specialized.Filters.Benchmarks -- --filter '*GaussianBlur*'</c>.
/// <c>--smoke [class-name-part]</c> runs every benchmark once per parameter combination instead, to check that all
/// of them set up and run before spending an hour measuring.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (OpenCvLoadError() is { } error)
        {
            // Every benchmark's baseline is OpenCV: without it BenchmarkDotNet would spend minutes on runs that
            // each throw, then write reports with no times in them.
            Console.Error.WriteLine($"error: OpenCV (the baseline of every benchmark) could not be loaded: {error}");
            Console.Error.WriteLine("Its native library needs GTK 3: apt-get install -y --no-install-recommends libgtk-3-0 (./test.sh installs it too).");
            return 1;
        }

        if (args.Length > 0 && args[0] == "--smoke")
        {
            return Smoke(args.Length > 1 ? args[1] : string.Empty);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    /// <summary>Null when OpenCvSharp's native library loads, else why it did not.</summary>
    private static string? OpenCvLoadError()
    {
        try
        {
            _ = OpenCvSharp.Cv2.GetVersionString();
            return null;
        }
        catch (TypeInitializationException e)
        {
            return e.InnerException?.Message ?? e.Message;
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
    }

    private static int Smoke(string filter)
    {
        Type[] classes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null) && t.Name.Contains(filter, StringComparison.Ordinal))
            .ToArray();
        foreach (Type type in classes)
        {
            PropertyInfo[] parameters = type.GetProperties().Where(p => ParameterValues(type, p) is not null).ToArray();
            foreach (object?[] values in Combinations(parameters.Select(p => ParameterValues(type, p)!).ToArray()))
            {
                object instance = Activator.CreateInstance(type)!;
                for (int i = 0; i < parameters.Length; i++)
                {
                    parameters[i].SetValue(instance, values[i]);
                }

                Invoke<GlobalSetupAttribute>(instance);
                foreach (MethodInfo benchmark in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
                {
                    benchmark.Invoke(instance, null);
                }

                Invoke<GlobalCleanupAttribute>(instance);
                Console.WriteLine($"ok {type.Name} {string.Join(" ", values)}");
            }
        }

        return 0;
    }

    /// <summary>The values of a [Params] or [ParamsSource] property, or null for other properties.</summary>
    private static object?[]? ParameterValues(Type type, PropertyInfo property) =>
        property.GetCustomAttribute<ParamsAttribute>()?.Values
        ?? (property.GetCustomAttribute<ParamsSourceAttribute>() is { } source
            ? ((System.Collections.IEnumerable)type.GetProperty(source.Name)!.GetValue(null)!).Cast<object?>().ToArray()
            : null);

    private static void Invoke<TAttribute>(object instance)
        where TAttribute : Attribute
    {
        foreach (MethodInfo method in instance.GetType().GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }

    private static IEnumerable<object?[]> Combinations(object?[][] values, int index = 0)
    {
        if (index == values.Length)
        {
            yield return new object?[values.Length];
            yield break;
        }

        foreach (object?[] rest in Combinations(values, index + 1))
        {
            foreach (object? value in values[index])
            {
                object?[] combination = (object?[])rest.Clone();
                combination[index] = value;
                yield return combination;
            }
        }
    }
}
