using System;
using System.Collections.Generic;
using System.Linq;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The generated kernels of every loaded assembly (each registers from a module initializer), looked up by the
/// kernel weights they compute: two requests that produce the same weights (say ksize 11 with sigma 0 and with
/// sigma 2, OpenCV's default for 11) share one generated kernel.
/// </summary>
internal static class GeneratedKernelRegistry
{
    private static readonly object Gate = new();
    private static readonly List<Entry> Entries = [];

    /// <summary>Incremented on every registration, so caches of lookups can tell when they are stale.</summary>
    public static int Version { get; private set; }

    private sealed record Entry(Type ElementType, double[] WeightsX, double[] WeightsY, object Runner);

    public static void Add<T>(double[] weightsX, double[] weightsY, KernelRunner<T> runner)
        where T : unmanaged
    {
        lock (Gate)
        {
            if (Find<T>(weightsX, weightsY) is null)
            {
                Entries.Add(new Entry(typeof(T), weightsX, weightsY, runner));
                Version++;
            }
        }
    }

    public static KernelRunner<T>? Find<T>(double[] weightsX, double[] weightsY)
        where T : unmanaged
    {
        lock (Gate)
        {
            foreach (Entry entry in Entries)
            {
                if (entry.ElementType == typeof(T) && entry.WeightsX.SequenceEqual(weightsX) && entry.WeightsY.SequenceEqual(weightsY))
                {
                    return (KernelRunner<T>)entry.Runner;
                }
            }

            return null;
        }
    }
}
