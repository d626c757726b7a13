using System;
using System.Runtime.InteropServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// OpenCV's floating-point separable path (16S and 32F accumulate in float, 64F in double). Mirrored taps are
/// added first, then multiplied, centre first and outwards (<see cref="SymmetricDot"/>); there is no fused
/// multiply-add, so every vector width and the scalar path produce identical bits.
/// </summary>
internal readonly struct FloatKernel<TSrc, TAcc> : ISeparableKernel<TSrc, TAcc>
    where TSrc : unmanaged
    where TAcc : unmanaged
{
    private readonly TAcc[] _weightsX;
    private readonly TapOffsets _tapsX;
    private readonly TAcc[] _weightsY;

    public FloatKernel(TAcc[] kernelX, TAcc[] kernelY)
    {
        _weightsX = kernelX[..(kernelX.Length / 2 + 1)];
        _weightsY = kernelY[..(kernelY.Length / 2 + 1)];
        RadiusX = kernelX.Length / 2;
        _tapsX = new TapOffsets(kernelX.Length);
        RadiusY = kernelY.Length / 2;
    }

    public int RadiusX { get; }

    public int RadiusY { get; }

    public int RowPlanes => 1;

    public void FilterRow(ReadOnlySpan<TSrc> source, int channels, Span<TAcc> row, int start, int count)
    {
        ReadOnlySpan<nint> taps = _tapsX.For(channels);
        KernelBounds.CheckRow(source.Length, channels, taps.Length, row.Length, start, count);
        if (WindowedRowPass.Applies<TAcc>(taps, count))
        {
            WindowedRowPass.Run(ref MemoryMarshal.GetReference(source), taps, _weightsX, ref row[start], count, default(StoreSums<TAcc>));
            return;
        }

        var pass = new DotPass<TAcc, TSrc, TAcc, CachedStores>(_weightsX);
        PassDispatch.Run<TAcc, TSrc, TAcc, DotPass<TAcc, TSrc, TAcc, CachedStores>>(in pass, ref MemoryMarshal.GetReference(source), taps, ref row[start], count);
    }

    public void FilterColumn(ReadOnlySpan<TAcc> rows, ReadOnlySpan<nint> rowOffsets, int planeLength, Span<TSrc> destination, bool nonTemporal)
    {
        KernelBounds.CheckColumn(rows.Length, rowOffsets, planeLength, 1, destination.Length);
        if (nonTemporal)
        {
            FilterColumn<NonTemporalStores>(rows, rowOffsets, destination);
        }
        else
        {
            FilterColumn<CachedStores>(rows, rowOffsets, destination);
        }
    }

    private void FilterColumn<TMode>(ReadOnlySpan<TAcc> rows, ReadOnlySpan<nint> rowOffsets, Span<TSrc> destination)
        where TMode : struct, IStoreMode
    {
        var pass = new DotPass<TAcc, TAcc, TSrc, TMode>(_weightsY);
        PassDispatch.Run<TAcc, TAcc, TSrc, DotPass<TAcc, TAcc, TSrc, TMode>>(
            in pass, ref MemoryMarshal.GetReference(rows), rowOffsets, ref MemoryMarshal.GetReference(destination), destination.Length);
    }

    public bool HasFusedPass => FusedKernels.Fits(RadiusX, RadiusY);

    public int FusedWindowVectors => FusedKernels.WindowVectors(RadiusY, split: false, wide: false);

    public bool FusedBytePairs => false;

    public void FilterFused(ReadOnlySpan<TSrc> source, int sourceStride, int channels, Span<TSrc> destination, int destinationStride, int rows, int count, bool nonTemporal) =>
        FusedKernels.Run(source, sourceStride, channels, _weightsX, _weightsY, destination, destinationStride, rows, count, nonTemporal, default(TAcc), 0);
}
