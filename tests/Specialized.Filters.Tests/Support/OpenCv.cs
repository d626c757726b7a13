using System;
using OpenCvSharp;

namespace Specialized.Filters.Tests.Support;

/// <summary>Runs the real OpenCV 4.13 (through OpenCvSharp) on packed test images: the semantic oracle.</summary>
internal static unsafe class OpenCv
{
    static OpenCv() => Cv2.SetNumThreads(1);

    public static T[] GaussianBlur<T>(TestImage<T> image, int ksizeX, int ksizeY, double sigmaX, double sigmaY, BorderMode border)
        where T : unmanaged
    {
        T[] packed = image.ToPacked();
        fixed (T* p = packed)
        {
            using Mat src = Mat.FromPixelData(image.Height, image.Width, MatType.MakeType(Depth<T>(), image.Channels), (IntPtr)p);
            using Mat dst = new();
            Cv2.GaussianBlur(src, dst, new Size(ksizeX, ksizeY), sigmaX, sigmaY, (BorderTypes)(int)border);
            if (!dst.IsContinuous() || dst.Total() * dst.Channels() != packed.Length)
            {
                throw new InvalidOperationException("Unexpected OpenCV output layout.");
            }

            return new ReadOnlySpan<T>((void*)dst.Data, packed.Length).ToArray();
        }
    }

    public static double[] GetGaussianKernel(int ksize, double sigma)
    {
        using Mat kernel = Cv2.GetGaussianKernel(ksize, sigma, MatType.CV_64F) ?? throw new InvalidOperationException("no kernel");
        var result = new double[ksize];
        for (int i = 0; i < ksize; i++)
        {
            result[i] = kernel.At<double>(i, 0);
        }

        return result;
    }

    public static float[] GetGaussianKernelSingle(int ksize, double sigma)
    {
        using Mat kernel = Cv2.GetGaussianKernel(ksize, sigma, MatType.CV_32F) ?? throw new InvalidOperationException("no kernel");
        var result = new float[ksize];
        for (int i = 0; i < ksize; i++)
        {
            result[i] = kernel.At<float>(i, 0);
        }

        return result;
    }

    public static int Depth<T>() =>
        typeof(T) == typeof(byte) ? MatType.CV_8U :
        typeof(T) == typeof(ushort) ? MatType.CV_16U :
        typeof(T) == typeof(short) ? MatType.CV_16S :
        typeof(T) == typeof(float) ? MatType.CV_32F :
        typeof(T) == typeof(double) ? MatType.CV_64F :
        throw new NotSupportedException(typeof(T).Name);
}
