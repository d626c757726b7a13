using CsCheck;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// The vectorized engine equals the simple scalar references bit for bit, for random sizes, strides,
/// channel counts, kernels and borders. CI repeats this suite with AVX-512, AVX2 and all hardware intrinsics
/// disabled, so every vector width is held to the same bits.
/// </summary>
public class PropertyTests
{
    private static readonly Gen<(int Seed, int MaxSize)> Cases = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 2].Select(i => i == 0 ? 8 : i == 1 ? 40 : 150));

    [Fact]
    public void Byte_equals_exact_reference() => Cases.Sample(c => Check<byte>(c.Seed, c.MaxSize), iter: 150);

    [Fact]
    public void UInt16_equals_exact_reference() => Cases.Sample(c => Check<ushort>(c.Seed, c.MaxSize), iter: 150);

    [Fact]
    public void Int16_equals_folded_float_reference() => Cases.Sample(c => Check<short>(c.Seed, c.MaxSize), iter: 150);

    [Fact]
    public void Single_equals_folded_float_reference() => Cases.Sample(c => Check<float>(c.Seed, c.MaxSize), iter: 150);

    [Fact]
    public void Double_equals_folded_double_reference() => Cases.Sample(c => Check<double>(c.Seed, c.MaxSize), iter: 150);

    private static void Check<T>(int seed, int maxSize)
        where T : unmanaged
    {
        var random = new System.Random(seed);
        BlurCase c = BlurCase.Draw(random, maxSize, maxKernel: 15);
        var image = TestImage<T>.Random(random, c.Width, c.Height, c.Channels, c.ExtraStride);
        var dst = TestImage<T>.Blank(c.Width, c.Height, c.Channels, random.Next(4));
        Filters.GaussianBlur(image.View, dst.Span, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border);

        bool isByte = typeof(T) == typeof(byte);
        var (kx, ky, sx, sy) = Reference.Resolve(c.Width, c.Height, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border, isByte);
        T[] expected = isByte || typeof(T) == typeof(ushort)
            ? Reference.ExactInteger(image, kx, ky, sx, sy, c.Border)
            : Reference.FoldedFloat(image, kx, ky, sx, sy, c.Border);
        Compare.Exact(expected, dst.ToPacked(), c.Width, c.Channels, $"seed {seed}: {c}");
        Assert.True(dst.PaddingIsUntouched(), $"seed {seed}: {c} wrote outside the image rows");
    }
}
