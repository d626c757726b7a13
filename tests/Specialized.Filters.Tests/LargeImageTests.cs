using System;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>Images larger than the caches (37 MB), with an odd width so rows start at every alignment.</summary>
public class LargeImageTests
{
    [Fact]
    public void A_37_MB_8UC1_image_is_bit_exact_with_OpenCV()
    {
        var random = new Random(11);
        var image = TestImage<byte>.Random(random, 6151, 6000, 1, 3);
        var dst = TestImage<byte>.Blank(6151, 6000, 1, 5);
        Filters.GaussianBlur(image.View, dst.Span, 5, 5, 1.3, 1.3, BorderMode.Reflect101);
        Compare.Exact(OpenCv.GaussianBlur(image, 5, 5, 1.3, 1.3, BorderMode.Reflect101), dst.ToPacked(), 6151, 1, "8UC1 6151x6000");
        Assert.True(dst.PaddingIsUntouched());
    }

    [Fact]
    public void A_38_MB_32FC3_image_matches_the_reference_bit_for_bit()
    {
        var random = new Random(12);
        var image = TestImage<float>.Random(random, 1777, 1800, 3, 1);
        var blurred = TestImage<float>.Blank(1777, 1800, 3, 2);
        Filters.GaussianBlur(image.View, blurred.Span, 7, 7, 0, 0, BorderMode.Replicate);
        Assert.True(blurred.PaddingIsUntouched());

        // Its top rows equal those of a 40-row crop filtered by the reference (rows 0-36 do not see the crop's bottom).
        float[] expected = new float[1777 * 3 * 1800];
        float[] reference = Reference.FoldedFloat(image.Crop(0, 0, 1777, 40), 7, 7, 0, 0, BorderMode.Replicate);
        Array.Copy(reference, expected, 1777 * 3 * 37);
        Compare.Exact(expected[..(1777 * 3 * 37)], blurred.ToPacked()[..(1777 * 3 * 37)], 1777, 3, "32FC3 top rows");
    }
}
