using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Specialized.Filters.Convolution;

/// <summary>Loop control shared by the runtime's passes and generated kernels.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorLoop
{
    /// <summary>
    /// The start of the vector after the one at <paramref name="x"/>, or -1 when lanes [0, <paramref name="count"/>)
    /// are done. The last vector is moved back to end exactly at <paramref name="count"/>, overlapping its
    /// predecessor: each lane is a pure function of the source, so recomputing a few lanes is harmless and no scalar
    /// tail is needed. Requires <paramref name="count"/> &gt;= <paramref name="vectorCount"/>.
    /// </summary>
    /// <param name="x">The start of the vector just processed.</param>
    /// <param name="vectorCount">Lanes per vector.</param>
    /// <param name="count">Lanes in the row.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Next(nint x, int vectorCount, int count)
    {
        nint last = count - vectorCount;
        if (x >= last)
        {
            return -1;
        }

        return Math.Min(x + vectorCount, last);
    }

    /// <summary>
    /// Where the one-vector loop starts after a loop of larger steps stopped at <paramref name="x"/>: -1 if lanes
    /// [0, <paramref name="count"/>) are done, else <paramref name="x"/>, moved back to keep a whole vector in the row.
    /// </summary>
    /// <param name="x">Where the loop of larger steps stopped.</param>
    /// <param name="vectorCount">Lanes per vector.</param>
    /// <param name="count">Lanes in the row, at least <paramref name="vectorCount"/>.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static nint TailStart(nint x, int vectorCount, int count) => x >= count ? -1 : Math.Min(x, count - vectorCount);
}
