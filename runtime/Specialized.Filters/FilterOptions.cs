using System;
using Specialized.Filters.Convolution;

namespace Specialized.Filters;

/// <summary>Execution options for a filter call. The result never depends on them.</summary>
public readonly struct FilterOptions
{
    private readonly int _degreeOfParallelism;
    private readonly bool _runtimeKernelsOnly;

    /// <summary>Creates options that filter with up to <paramref name="degreeOfParallelism"/> threads.</summary>
    /// <param name="degreeOfParallelism">1 or more; the most threads a call runs on, the calling thread included.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreeOfParallelism"/> is less than 1.</exception>
    public FilterOptions(int degreeOfParallelism)
    {
        DegreeOfParallelism = degreeOfParallelism;
    }

    /// <summary>The default: one thread, generated kernels where they match.</summary>
    public static FilterOptions Default => default;

    /// <summary>One thread per processor (<see cref="Environment.ProcessorCount"/>).</summary>
    public static FilterOptions AllProcessors => new(Environment.ProcessorCount);

    /// <summary>The maximum number of threads a call uses, each filtering bands of rows; 1 unless set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int DegreeOfParallelism
    {
        get => Math.Max(1, _degreeOfParallelism);
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException("degreeOfParallelism", value, "The degree of parallelism must be at least 1.");
            }

            _degreeOfParallelism = value;
        }
    }

    /// <summary>
    /// Whether a kernel generated at compile time (by <see cref="GaussianKernelAttribute"/>, the library's or the
    /// program's) is used when one matches; true by default. Set to false to measure or test the runtime engine; the
    /// result is the same either way.
    /// </summary>
    public bool UseGeneratedKernels
    {
        get => !_runtimeKernelsOnly;
        init => _runtimeKernelsOnly = !value;
    }

    /// <summary>
    /// How output rows are stored; null (the default) chooses by the output's size. Set by tests to run the streamed
    /// paths on small images; not public because the automatic choice is what was measured.
    /// </summary>
    internal OutputStores? OutputStores { get; init; }

    /// <summary>
    /// Whether to run a kernel's fused pass even where its window of rows does not fit the registers
    /// (<see cref="FusedFilter.WindowFits"/>), so that tests cover it on every machine; the result is the same.
    /// </summary>
    internal bool FuseLargeWindows { get; init; }
}
