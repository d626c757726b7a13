using System;
using System.Linq;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

public class BorderInterpolationTests
{
    public static TheoryData<int, BorderMode, string> Tables => new()
    {
        // spec §2.2: 7 samples each side of "a", "ab", "abc", regenerated from OpenCV 4.6.
        { 1, BorderMode.Replicate, "aaaaaaa|a|aaaaaaa" },
        { 1, BorderMode.Reflect, "aaaaaaa|a|aaaaaaa" },
        { 1, BorderMode.Wrap, "aaaaaaa|a|aaaaaaa" },
        { 1, BorderMode.Reflect101, "aaaaaaa|a|aaaaaaa" },
        { 2, BorderMode.Replicate, "aaaaaaa|ab|bbbbbbb" },
        { 2, BorderMode.Reflect, "bbaabba|ab|baabbaa" },
        { 2, BorderMode.Wrap, "bababab|ab|abababa" },
        { 2, BorderMode.Reflect101, "bababab|ab|abababa" },
        { 3, BorderMode.Replicate, "aaaaaaa|abc|ccccccc" },
        { 3, BorderMode.Reflect, "aabccba|abc|cbaabcc" },
        { 3, BorderMode.Wrap, "cabcabc|abc|abcabca" },
        { 3, BorderMode.Reflect101, "bcbabcb|abc|babcbab" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Matches_OpenCV_tables(int length, BorderMode border, string expected)
    {
        string Sample(int p) => ((char)('a' + BorderInterpolation.Interpolate(p, length, border))).ToString();
        string left = string.Concat(Enumerable.Range(-7, 7).Select(Sample));
        string middle = string.Concat(Enumerable.Range(0, length).Select(Sample));
        string right = string.Concat(Enumerable.Range(length, 7).Select(Sample));
        Assert.Equal(expected, $"{left}|{middle}|{right}");
    }

    [Fact]
    public void Constant_border_outside_is_minus_one()
    {
        Assert.Equal(-1, BorderInterpolation.Interpolate(-1, 5, BorderMode.Constant));
        Assert.Equal(-1, BorderInterpolation.Interpolate(5, 5, BorderMode.Constant));
        Assert.Equal(4, BorderInterpolation.Interpolate(4, 5, BorderMode.Constant));
    }

    [Fact]
    public void Closed_forms_equal_OpenCV_loop_for_all_small_cases()
    {
        foreach (BorderMode border in Enum.GetValues<BorderMode>())
        {
            for (int length = 1; length <= 40; length++)
            {
                for (int p = -200; p <= 240; p++)
                {
                    Assert.Equal(Reference.BorderInterpolate(p, length, border), BorderInterpolation.Interpolate(p, length, border));
                }
            }
        }
    }

    [Fact]
    public void Far_coordinates_are_fast_and_match_the_period()
    {
        // OpenCV loops once per reflection; the closed form must agree far away too.
        Assert.Equal(Reference.BorderInterpolate(-1_000_003, 7, BorderMode.Reflect101), BorderInterpolation.Interpolate(-1_000_003, 7, BorderMode.Reflect101));
        Assert.Equal(Reference.BorderInterpolate(999_999, 2, BorderMode.Reflect), BorderInterpolation.Interpolate(999_999, 2, BorderMode.Reflect));
        Assert.Equal(Reference.BorderInterpolate(-999_999, 3, BorderMode.Wrap), BorderInterpolation.Interpolate(-999_999, 3, BorderMode.Wrap));
    }

    [Fact]
    public void Bad_arguments_throw()
    {
        var e1 = Assert.Throws<ArgumentOutOfRangeException>(() => BorderInterpolation.Interpolate(0, 0, BorderMode.Reflect));
        Assert.Equal("length", e1.ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => BorderInterpolation.Interpolate(-1, 3, (BorderMode)5));
        Assert.Equal("border", e2.ParamName);
    }
}
