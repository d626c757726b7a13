using System;

namespace Specialized.Filters;

/// <summary>The element types the filters support: OpenCV's 8U, 16U, 16S, 32F and 64F depths.</summary>
internal static class ElementTypes
{
    public static bool IsSupported(Type type) =>
        type == typeof(byte) || type == typeof(ushort) || type == typeof(short) || type == typeof(float) || type == typeof(double);

    public static void ThrowIfUnsupported(Type type)
    {
        if (!IsSupported(type))
        {
            throw new NotSupportedException(
                $"Element type '{type.FullName}' is not supported; use byte, ushort, short, float or double (OpenCV 8U, 16U, 16S, 32F, 64F).");
        }
    }
}
