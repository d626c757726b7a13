using System;

namespace Specialized.Filters;

/// <summary>Execution options for a filter call. The result never depends on them.</summary>
public readonly struct FilterOptions
{
    private readonly int _degreeOfParallelism;

    /// <summary>Creates options that filter with up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="degreeOfParallelism">1 or more; the image is split into at most that many bands of rows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    public FilterOptions(int degreeOfParallelism)
    {
        if (degreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(degreeOfParallelism), degreeOfParallelism, "The degree of parallelism must be at least 1.");
        }

        _degreeOfParallelism = degreeOfParallelism;
    }

    /// <summary>The default: one thread.</summary>
    public static FilterOptions Default => default;

    /// <summary>One band per processor (<see cref="Environment.ProcessorCount"/>).</summary>
    public static FilterOptions AllProcessors => new(Environment.ProcessorCount);

    /// <summary>The maximum number of threads (row bands) a call uses; 1 unless set.</summary>
    public int DegreeOfParallelism => Math.Max(1, _degreeOfParallelism);
}
