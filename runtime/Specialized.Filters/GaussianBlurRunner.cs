using System;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Specialized.Filters.Convolution;

namespace Specialized.Filters;

/// <summary>Builds (and caches) the kernel for a resolved request and runs the separable engine.</summary>
internal static class GaussianBlurRunner
{
    private const int MaxCachedKernels = 256;

    // Kernels are immutable; caching them keeps calls in steady state free of allocations.
    private static readonly ConcurrentDictionary<KernelKey, object> Cache = new();

    private readonly record struct KernelKey(Type ElementType, int Width, int Height, double SigmaX, double SigmaY);

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

        object kernel = GetKernel<T>(request);
        int threads = options.DegreeOfParallelism;
        if (typeof(T) == typeof(byte))
        {
            SeparableFilter.Run<T, ushort, IntegerKernel<T, ushort>>((IntegerKernel<T, ushort>)kernel, src, dst, request.Border, threads);
        }
        else if (typeof(T) == typeof(ushort))
        {
            SeparableFilter.Run<T, uint, IntegerKernel<T, uint>>((IntegerKernel<T, uint>)kernel, src, dst, request.Border, threads);
        }
        else if (typeof(T) == typeof(double))
        {
            SeparableFilter.Run<T, double, FloatKernel<T, double>>((FloatKernel<T, double>)kernel, src, dst, request.Border, threads);
        }
        else
        {
            SeparableFilter.Run<T, float, FloatKernel<T, float>>((FloatKernel<T, float>)kernel, src, dst, request.Border, threads);
        }
    }

    private static object GetKernel<T>(GaussianBlurRequest request)
        where T : unmanaged
    {
        var key = new KernelKey(typeof(T), request.KernelWidth, request.KernelHeight, request.SigmaX, request.SigmaY);
        if (Cache.TryGetValue(key, out object? kernel))
        {
            return kernel;
        }

        kernel = CreateKernel<T>(request);
        if (Cache.Count >= MaxCachedKernels)
        {
            Cache.Clear();
        }

        Cache[key] = kernel;
        return kernel;
    }

    private static object CreateKernel<T>(GaussianBlurRequest request)
        where T : unmanaged
    {
        double[] x = GaussianMath.Create(request.KernelWidth, request.SigmaX);
        double[] y = GaussianMath.Create(request.KernelHeight, request.SigmaY);
        if (typeof(T) == typeof(byte))
        {
            return new IntegerKernel<T, ushort>(GaussianMath.Quantize(x, 8), GaussianMath.Quantize(y, 8));
        }

        if (typeof(T) == typeof(ushort))
        {
            return new IntegerKernel<T, uint>(GaussianMath.Quantize(x, 16), GaussianMath.Quantize(y, 16));
        }

        if (typeof(T) == typeof(double))
        {
            return new FloatKernel<T, double>(x, y);
        }

        // 16S and 32F: OpenCV converts the CV_32F kernel (each double rounded to float) and sums in float.
        return new FloatKernel<T, float>(ToSingle(x), ToSingle(y));
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
