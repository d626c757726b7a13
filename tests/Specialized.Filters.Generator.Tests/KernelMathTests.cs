using System;
using Xunit;

namespace Specialized.Filters.Generator.Tests;

/// <summary>The generator computes OpenCV's kernels on netstandard2.0, without Math.FusedMultiplyAdd.</summary>
public class KernelMathTests
{
    [Fact]
    public void Exact_fma_equals_the_hardware_for_the_default_sigma()
    {
        for (int n = 1; n <= 200_000; n++)
        {
            Assert.Equal(Math.FusedMultiplyAdd(n, 0.15, 0.35), ExactArithmetic.FusedMultiplyAdd(n, 0.15, 0.35));
        }
    }

    [Fact]
    public void Exact_fma_equals_the_hardware_for_random_operands()
    {
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            double a = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-20, 20));
            double b = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-20, 20));
            double c = (random.NextDouble() - 0.5) * Math.Pow(2, random.Next(-20, 20));
            Assert.Equal(Math.FusedMultiplyAdd(a, b, c), ExactArithmetic.FusedMultiplyAdd(a, b, c));
        }
    }

    [Fact]
    public void A_two_rounding_evaluation_would_differ()
    {
        // The reason the exact FMA exists: for n = 5 the single rounding matters.
        Assert.NotEqual(5 * 0.15 + 0.35, ExactArithmetic.FusedMultiplyAdd(5, 0.15, 0.35));
    }
}
