using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Specialized.Filters.Convolution;

/// <summary>
/// OpenCV's bit-exact fixed-point blur (8U with 8 fraction bits in 16-bit lanes, 16U with 16 fraction bits in
/// 32-bit lanes) for kernels known at run time. All sums are exact integers, so any evaluation order gives
/// OpenCV's result; the lanes are chosen so that nothing overflows:
/// <list type="bullet">
/// <item>Each kernel is divided by the largest power of two dividing all its weights (OpenCV's table kernels are
/// multiples of 16, 64, ...), which shrinks the sums; the final shift shrinks by the same amount.</item>
/// <item>If the full sum still fits a lane, one pass computes it and rounds (<see cref="RoundingShiftPass{T, TOut, TMode}"/>).</item>
/// <item>Otherwise the row sums are split into high and low halves and the column pass combines the two
/// partial sums without overflow (<see cref="SplitRowPass{T, TIn}"/>, <see cref="SplitColumnPass{T, TOut, TMode}"/>).</item>
/// </list>
/// </summary>
internal readonly struct IntegerKernel<TSrc, TLane> : ISeparableKernel<TSrc, TLane>
    where TSrc : unmanaged
    where TLane : unmanaged, IBinaryInteger<TLane>
{
    private readonly TLane[] _weightsX;
    private readonly TapOffsets _tapsX;
    private readonly TLane[] _weightsY;
    private readonly int _dataBits;
    private readonly int _shift;
    private readonly bool _split;
    private readonly WideColumnSums? _wide;

    /// <param name="fixedX">Horizontal fixed-point kernel (symmetric, sums to 2^dataBits).</param>
    /// <param name="fixedY">Vertical fixed-point kernel.</param>
    public IntegerKernel(int[] fixedX, int[] fixedY)
    {
        _dataBits = typeof(TSrc) == typeof(byte) ? 8 : 16;
        (_weightsX, int bitsX) = Reduce(fixedX, _dataBits);
        (_weightsY, int bitsY) = Reduce(fixedY, _dataBits);
        RadiusX = fixedX.Length / 2;
        _tapsX = new TapOffsets(fixedX.Length);
        RadiusY = fixedY.Length / 2;
        _shift = bitsX + bitsY;
        _split = _shift > _dataBits;
        _wide = _split && typeof(TSrc) == typeof(byte) ? WideColumnSums.For(bitsX, bitsY) : null;
        FusedBytePairs = typeof(TSrc) == typeof(byte) && FusedKernels.PairsPixels(RadiusX, RadiusY, _split, Array.ConvertAll(_weightsX, int.CreateTruncating));
    }

    public int RadiusX { get; }

    public int RadiusY { get; }

    public int RowPlanes => _split ? 2 : 1;

    /// <summary>True when row sums are stored as high and low halves (see the type remarks).</summary>
    public bool IsSplit => _split;

    public void FilterRow(ReadOnlySpan<TSrc> source, int channels, Span<TLane> row, int start, int count)
    {
        ReadOnlySpan<nint> taps = _tapsX.For(channels);
        int planeLength = row.Length / RowPlanes;
        KernelBounds.CheckRow(source.Length, channels, taps.Length, planeLength, start, count);
        ref TSrc input = ref MemoryMarshal.GetReference(source);
        ref TLane target = ref row[start];
        bool windowed = WindowedRowPass.Applies<TLane>(taps, count);
        if (_split)
        {
            TLane lowMask = (TLane.One << _dataBits) - TLane.One;
            if (windowed)
            {
                WindowedRowPass.Run(ref input, taps, _weightsX, ref target, count, new StoreSplitSums<TLane>(_dataBits, lowMask, planeLength));
            }
            else
            {
                var pass = new SplitRowPass<TLane, TSrc>(_weightsX, _dataBits, lowMask, planeLength);
                PassDispatch.Run<TLane, TSrc, TLane, SplitRowPass<TLane, TSrc>>(in pass, ref input, taps, ref target, count);
            }
        }
        else if (windowed)
        {
            WindowedRowPass.Run(ref input, taps, _weightsX, ref target, count, default(StoreSums<TLane>));
        }
        else
        {
            var pass = new DotPass<TLane, TSrc, TLane, CachedStores>(_weightsX);
            PassDispatch.Run<TLane, TSrc, TLane, DotPass<TLane, TSrc, TLane, CachedStores>>(in pass, ref input, taps, ref target, count);
        }
    }

    public void FilterColumn(ReadOnlySpan<TLane> rows, ReadOnlySpan<nint> rowOffsets, int planeLength, Span<TSrc> destination, bool nonTemporal)
    {
        KernelBounds.CheckColumn(rows.Length, rowOffsets, planeLength, RowPlanes, destination.Length);
        if (nonTemporal)
        {
            FilterColumn<NonTemporalStores>(rows, rowOffsets, planeLength, destination);
        }
        else
        {
            FilterColumn<CachedStores>(rows, rowOffsets, planeLength, destination);
        }
    }

    private void FilterColumn<TMode>(ReadOnlySpan<TLane> rows, ReadOnlySpan<nint> rowOffsets, int planeLength, Span<TSrc> destination)
        where TMode : struct, IStoreMode
    {
        int count = destination.Length;
        ref TLane source = ref MemoryMarshal.GetReference(rows);
        ref TSrc target = ref MemoryMarshal.GetReference(destination);
        if (_split)
        {
            int t = _shift - _dataBits;
            var pass = new SplitColumnPass<TLane, TSrc, TMode>(
                _weightsY, planeLength, _dataBits, t, (TLane.One << t) - TLane.One, TLane.One << (t - 1));
            PassDispatch.Run<TLane, TLane, TSrc, SplitColumnPass<TLane, TSrc, TMode>>(in pass, ref source, rowOffsets, ref target, count);
        }
        else
        {
            TLane rounding = _shift == 0 ? TLane.Zero : TLane.One << (_shift - 1);
            var pass = new RoundingShiftPass<TLane, TSrc, TMode>(_weightsY, rounding, _shift);
            PassDispatch.Run<TLane, TLane, TSrc, RoundingShiftPass<TLane, TSrc, TMode>>(in pass, ref source, rowOffsets, ref target, count);
        }
    }

    /// <summary>
    /// Divides the kernel by the largest power of two that divides every weight. Returns the distinct weights
    /// (outermost first, centre last) and log2 of the reduced kernel's sum.
    /// </summary>
    private static (TLane[] Folded, int SumBits) Reduce(int[] kernel, int fractionBits)
    {
        int commonBits = fractionBits;
        foreach (int w in kernel)
        {
            if (w < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(kernel), "The fixed-point kernel has a negative weight (the kernel is too flat for OpenCV's quantisation).");
            }

            if (w != 0)
            {
                commonBits = Math.Min(commonBits, BitOperations.TrailingZeroCount(w));
            }
        }

        int radius = kernel.Length / 2;
        var folded = new TLane[radius + 1];
        for (int j = 0; j <= radius; j++)
        {
            folded[j] = TLane.CreateTruncating(kernel[j] >> commonBits);
        }

        return (folded, fractionBits - commonBits);
    }

    public bool HasFusedPass => FusedKernels.Fits(RadiusX, RadiusY);

    public int FusedWindowVectors => FusedKernels.WindowVectors(RadiusY, _split, wide: _wide is not null);

    public bool FusedBytePairs { get; }

    // Integer lanes are wider than the elements and narrowed on the way out, and narrowing stores are never streamed
    // (IVectorOps.Store): only pairs of pixels, stored without narrowing, compile a streaming store mode.
    public void FilterFused(ReadOnlySpan<TSrc> source, int sourceStride, int channels, Span<TSrc> destination, int destinationStride, int rows, int count, bool nonTemporal)
    {
        if (_split)
        {
            int t = _shift - _dataBits;
            FusedKernels.Run(
                source, sourceStride, channels, _weightsX, _weightsY, destination, destinationStride, rows, count, nonTemporal && FusedBytePairs,
                TLane.One << (t - 1), t, _dataBits, (TLane.One << _dataBits) - TLane.One, (TLane.One << t) - TLane.One, _wide);
            return;
        }

        TLane rounding = _shift == 0 ? TLane.Zero : TLane.One << (_shift - 1);
        FusedKernels.Run(source, sourceStride, channels, _weightsX, _weightsY, destination, destinationStride, rows, count, nonTemporal && FusedBytePairs, rounding, _shift);
    }
}
