using System;
using Xunit.Sdk;

namespace Specialized.Filters.Tests.Support;

/// <summary>Element-wise comparisons that report the first mismatch with its pixel coordinates.</summary>
internal static class Compare
{
    public static void Exact<T>(T[] expected, T[] actual, int width, int channels, string context)
        where T : unmanaged
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{context}: length {actual.Length}, expected {expected.Length}");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (!expected[i].Equals(actual[i]))
            {
                int pixel = i / channels;
                throw new XunitException(
                    $"{context}: first difference at x={pixel % width}, y={pixel / width}, c={i % channels}: expected {expected[i]}, actual {actual[i]}");
            }
        }
    }

    /// <summary>|actual - expected| &lt;= max(relative * |expected|, absolute) for every element.</summary>
    public static void Close<T>(double[] expected, T[] actual, double relative, double absolute, int width, int channels, string context)
        where T : unmanaged
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double a = Reference.ToDouble(actual[i]);
            double tolerance = Math.Max(relative * Math.Abs(expected[i]), absolute);
            if (!(Math.Abs(a - expected[i]) <= tolerance))
            {
                int pixel = i / channels;
                throw new XunitException(
                    $"{context}: at x={pixel % width}, y={pixel / width}, c={i % channels}: expected {expected[i]:R}, actual {a:R} (tolerance {tolerance:R})");
            }
        }
    }

    public static void Close<T>(T[] expected, T[] actual, double relative, double absolute, int width, int channels, string context)
        where T : unmanaged
    {
        Close(Array.ConvertAll(expected, v => Reference.ToDouble(v)), actual, relative, absolute, width, channels, context);
    }
}
