using System;

namespace Specialized.Filters.Convolution;

/// <summary>
/// Guards the passes, which read through unchecked references: every tap of every lane must lie inside the
/// span it reads. Violations are engine bugs, so they throw rather than read out of bounds.
/// </summary>
internal static class KernelBounds
{
    public static void Check(int sourceLength, ReadOnlySpan<nint> taps, int extent)
    {
        foreach (nint tap in taps)
        {
            if (tap < 0 || tap + extent > sourceLength)
            {
                throw new InvalidOperationException($"Internal error: tap offset {tap} + {extent} exceeds the buffer of {sourceLength}.");
            }
        }
    }
}
