using System;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

public class InPlaceAndParallelTests
{
    public static TheoryData<BorderMode, int> Borders => new()
    {
        { BorderMode.Constant, 5 }, { BorderMode.Replicate, 7 }, { BorderMode.Reflect, 9 }, { BorderMode.Wrap, 11 }, { BorderMode.Reflect101, 31 },
    };

    [Theory]
    [MemberData(nameof(Borders))]
    public void In_place_equals_out_of_place(BorderMode border, int ksize)
    {
        InPlace<byte>(border, ksize, 1);
        InPlace<ushort>(border, ksize, 1);
        InPlace<short>(border, ksize, 1);
        InPlace<float>(border, ksize, 1);
        InPlace<double>(border, ksize, 1);
    }

    [Theory]
    [MemberData(nameof(Borders))]
    public void In_place_with_parallel_bands_equals_out_of_place(BorderMode border, int ksize)
    {
        InPlace<byte>(border, ksize, 2);
        InPlace<float>(border, ksize, 3);
        InPlace<ushort>(border, ksize, 7);
    }

    private static void InPlace<T>(BorderMode border, int ksize, int threads)
        where T : unmanaged
    {
        var random = new Random(ksize * 31 + (int)border);
        foreach ((int w, int h) in new[] { (37, 200), (5, 3), (70, 1), (1, 90), (64, 64) })
        {
            var image = TestImage<T>.Random(random, w, h, 3, 2);
            var expected = TestImage<T>.Blank(w, h, 3);
            Filters.GaussianBlur(image.View, expected.Span, ksize, ksize, 0, 0, border);

            TestImage<T> inPlace = image.Clone();
            Filters.GaussianBlur(inPlace.View, inPlace.Span, ksize, ksize, 0, 0, border, new FilterOptions(threads));
            Compare.Exact(expected.ToPacked(), inPlace.ToPacked(), w, 3, $"{typeof(T).Name} {w}x{h} {border} k={ksize} threads={threads}");
            Assert.True(inPlace.PaddingIsUntouched());
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void Thread_count_does_not_change_the_result(int threads)
    {
        var random = new Random(threads);
        for (int i = 0; i < 12; i++)
        {
            BlurCase c = BlurCase.Draw(random, maxSize: 300) with { Height = random.Next(1, 400) };
            Same<byte>(c, threads, random);
            Same<ushort>(c, threads, random);
            Same<short>(c, threads, random);
            Same<float>(c, threads, random);
            Same<double>(c, threads, random);
        }
    }

    private static void Same<T>(BlurCase c, int threads, Random random)
        where T : unmanaged
    {
        var image = TestImage<T>.Random(random, c.Width, c.Height, c.Channels, c.ExtraStride);
        var single = TestImage<T>.Blank(c.Width, c.Height, c.Channels);
        var parallel = TestImage<T>.Blank(c.Width, c.Height, c.Channels, 1);
        Filters.GaussianBlur(image.View, single.Span, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border);
        Filters.GaussianBlur(image.View, parallel.Span, c.KsizeX, c.KsizeY, c.SigmaX, c.SigmaY, c.Border, new FilterOptions(threads));
        Compare.Exact(single.ToPacked(), parallel.ToPacked(), c.Width, c.Channels, $"{typeof(T).Name} {c} threads={threads}");
        Assert.True(parallel.PaddingIsUntouched());
    }

    [Fact]
    public void Options_validate_and_default_to_one_thread()
    {
        Assert.Equal(1, default(FilterOptions).DegreeOfParallelism);
        Assert.Equal(1, FilterOptions.Default.DegreeOfParallelism);
        Assert.Equal(Environment.ProcessorCount, FilterOptions.AllProcessors.DegreeOfParallelism);
        Assert.Equal("degreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => new FilterOptions(0)).ParamName);
    }
}
