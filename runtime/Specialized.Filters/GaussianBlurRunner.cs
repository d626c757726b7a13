using System;
using System.Collections.Concurrent;
using Specialized.Filters.Convolution;

namespace Specialized.Filters;

/// <summary>Finds the kernel for a resolved request (a generated one when registered, else the runtime's) and runs it.</summary>
internal static class GaussianBlurRunner
{
    private const int MaxCachedKernels = 256;

    // Runners are immutable; caching them keeps calls in steady state free of allocations. The registry version
    // is part of the key so that kernels registered later (an assembly loaded afterwards) are picked up.
    private static readonly ConcurrentDictionary<KernelKey, object> Cache = new();

    private readonly record struct KernelKey(Type ElementType, int Width, int Height, double SigmaX, double SigmaY, bool UseGenerated, int RegistryVersion);

    public static void Run<T>(GaussianBlurRequest request, ImageView<T> src, ImageSpan<T> dst, FilterOptions options)
        where T : unmanaged
    {
        if (request.IsCopy)
        {
            if (!request.InPlace)
            {
                for (int y = 0; y < src.Height; y++)
                {
                    src.Row(y).CopyTo(dst.Row(y));
                }
            }

            return;
        }

        GetRunner<T>(request, options.UseGeneratedKernels).Run(src, dst, request.Border, options);
    }

    /// <summary>Which kernel a request runs on; see <see cref="Filters.PlanGaussianBlur{T}"/>.</summary>
    public static GaussianBlurPlan Plan<T>(GaussianBlurRequest request, FilterOptions options)
        where T : unmanaged
    {
        if (request.IsCopy)
        {
            return new GaussianBlurPlan(GaussianBlurPath.Copy, 1, 1, request.SigmaX, request.SigmaY, null);
        }

        string? generated = GetRunner<T>(request, options.UseGeneratedKernels).GeneratedName;
        return new GaussianBlurPlan(
            generated is null ? GaussianBlurPath.RuntimeKernel : GaussianBlurPath.GeneratedKernel,
            request.KernelWidth, request.KernelHeight, request.SigmaX, request.SigmaY, generated);
    }

    private static KernelRunner<T> GetRunner<T>(GaussianBlurRequest request, bool useGenerated)
        where T : unmanaged
    {
        var key = new KernelKey(typeof(T), request.KernelWidth, request.KernelHeight, request.SigmaX, request.SigmaY, useGenerated, GeneratedKernelRegistry.Version);
        if (Cache.TryGetValue(key, out object? cached))
        {
            return (KernelRunner<T>)cached;
        }

        double[] x = GaussianMath.Create(request.KernelWidth, request.SigmaX);
        double[] y = GaussianMath.Create(request.KernelHeight, request.SigmaY);
        KernelRunner<T> runner = (useGenerated ? GeneratedKernelRegistry.Find<T>(x, y) : null) ?? CreateRuntimeRunner<T>(x, y);
        if (Cache.Count >= MaxCachedKernels)
        {
            Cache.Clear();
        }

        Cache[key] = runner;
        return runner;
    }

    private static KernelRunner<T> CreateRuntimeRunner<T>(double[] x, double[] y)
        where T : unmanaged
    {
        if (typeof(T) == typeof(byte))
        {
            return new KernelRunner<T, ushort, IntegerKernel<T, ushort>>(new IntegerKernel<T, ushort>(GaussianMath.Quantize(x, 8), GaussianMath.Quantize(y, 8)), null);
        }

        if (typeof(T) == typeof(ushort))
        {
            return new KernelRunner<T, uint, IntegerKernel<T, uint>>(new IntegerKernel<T, uint>(GaussianMath.Quantize(x, 16), GaussianMath.Quantize(y, 16)), null);
        }

        if (typeof(T) == typeof(double))
        {
            return new KernelRunner<T, double, FloatKernel<T, double>>(new FloatKernel<T, double>(x, y), null);
        }

        // 16S and 32F: OpenCV converts the CV_32F kernel (each double rounded to float) and sums in float.
        return new KernelRunner<T, float, FloatKernel<T, float>>(new FloatKernel<T, float>(ToSingle(x), ToSingle(y)), null);
    }

    private static float[] ToSingle(double[] kernel)
    {
        float[] result = new float[kernel.Length];
        for (int i = 0; i < kernel.Length; i++)
        {
            result[i] = (float)kernel[i];
        }

        return result;
    }
}
