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

    [Theory]
    [InlineData(new[] { 1, 2, 1 }, true)]
    [InlineData(new[] { 1, 4, 6, 4, 1 }, true)]
    [InlineData(new[] { 1, 6, 15, 20, 15, 6, 1 }, true)]
    [InlineData(new[] { 2, 7, 14, 18, 14, 7, 2 }, false)] // OpenCV's 7x7
    [InlineData(new[] { 11, 31, 44, 31, 11 }, false)]
    [InlineData(new[] { 1, 3, 1 }, false)]
    [InlineData(new[] { 1 }, false)]
    public void Binomial_weights_are_recognised(int[] reduced, bool binomial)
    {
        // Fused passes sum binomial columns as running sums (two adds a row for 1 2 1), so only they may qualify.
        var axis = new Planning.AxisPlan(reduced.Length, 0, new double[reduced.Length], reduced, reduced, 0);
        Assert.Equal(binomial, axis.IsBinomial);
    }
}
