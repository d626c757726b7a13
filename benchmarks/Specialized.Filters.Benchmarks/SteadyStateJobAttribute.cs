using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// The job every benchmark here runs with: 2 warm-up and 8 measured iterations, with tiered compilation off so that
/// what is measured is fully optimized code from the first call. With tiering on, BenchmarkDotNet sized its
/// iterations from the first, unoptimized calls (30 ms for a 0.7 ms filter), ran too few calls for the JIT to
/// finish optimizing the runtime engine's generic code, and measured it 5x too slow. OpenCV is native code and
/// unaffected either way. The median is always reported (BenchmarkDotNet shows it by default only where it differs
/// much from the mean): on a shared machine one slow iteration moves the mean of 8 but not their median, and the
/// README's table quotes medians.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SteadyStateJobAttribute : Attribute, IConfigSource
{
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddJob(
        Job.Default.WithWarmupCount(2).WithIterationCount(8).WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredCompilation", "0")))
        .AddColumn(StatisticColumn.Median);
}
