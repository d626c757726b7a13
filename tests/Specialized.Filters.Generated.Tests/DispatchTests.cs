using Xunit;

namespace Specialized.Filters.Generated.Tests;

/// <summary>Filters.GaussianBlur finds generated kernels (the program's and the library's), and says so.</summary>
public class DispatchTests
{
    [Fact]
    public void A_program_kernel_serves_matching_runtime_calls()
    {
        GaussianBlurPlan plan = Filters.PlanGaussianBlur<byte>(640, 480, 5, 5, 1.2, 1.2);
        Assert.Equal(GaussianBlurPath.GeneratedKernel, plan.Path);
        Assert.StartsWith("Specialized.Filters.Generated.Tests.", plan.GeneratedKernel);
        Assert.Equal((5, 5), (plan.KernelWidth, plan.KernelHeight));
    }

    [Fact]
    public void Equal_weights_match_even_when_written_differently()
    {
        // OpenCV's default sigma for 11 taps is exactly 2.0, so (11, 2.0) has the weights of (11, 0).
        Assert.Equal(GaussianBlurPath.GeneratedKernel, Filters.PlanGaussianBlur<double>(100, 100, 11, 11, 2.0, 0).Path);
        // A sigma of 1.5 derives a size, so ksize 0 and the derived size share a kernel.
        Assert.Equal(GaussianBlurPath.GeneratedKernel, Filters.PlanGaussianBlur<float>(100, 100, 13, 13, 1.5, 1.5).Path);
    }

    [Fact]
    public void Library_kernels_serve_OpenCV_table_sizes()
    {
        foreach (int k in new[] { 3, 5, 7, 9 })
        {
            GaussianBlurPlan plan = Filters.PlanGaussianBlur<short>(1920, 1080, k, k, 0, 0);
            Assert.Equal(GaussianBlurPath.GeneratedKernel, plan.Path);
            Assert.NotNull(plan.GeneratedKernel);
        }
    }

    [Fact]
    public void Runtime_engine_when_nothing_matches_or_when_asked()
    {
        Assert.Equal(GaussianBlurPath.RuntimeKernel, Filters.PlanGaussianBlur<byte>(640, 480, 5, 5, 1.25, 1.25).Path);
        Assert.Null(Filters.PlanGaussianBlur<byte>(640, 480, 5, 5, 1.25, 1.25).GeneratedKernel);
        Assert.Equal(GaussianBlurPath.RuntimeKernel, Filters.PlanGaussianBlur<byte>(640, 480, 5, 5, 1.2, 1.2, options: new FilterOptions { UseGeneratedKernels = false }).Path);
        Assert.Equal(GaussianBlurPath.RuntimeKernel, Filters.PlanGaussianBlur<byte>(640, 480, 33, 33, 0, 0).Path);
    }

    [Fact]
    public void OpenCV_rules_shape_the_plan()
    {
        GaussianBlurPlan oneRow = Filters.PlanGaussianBlur<byte>(640, 1, 5, 5, 0, 0);
        Assert.Equal((5, 1), (oneRow.KernelWidth, oneRow.KernelHeight));
        Assert.Equal(GaussianBlurPath.Copy, Filters.PlanGaussianBlur<byte>(1, 1, 5, 5, 0, 0).Path);
        Assert.Equal(GaussianBlurPath.GeneratedKernel, Filters.PlanGaussianBlur<byte>(1, 1, 5, 5, 0, 0, BorderMode.Constant).Path); // constant border keeps 5x5
        Assert.Equal(7, Filters.PlanGaussianBlur<byte>(10, 10, 0, 0, 1.0, 0).KernelWidth);
        Assert.Equal(9, Filters.PlanGaussianBlur<float>(10, 10, 0, 0, 1.0, 0).KernelWidth);
        Assert.Equal("ksizeX", Assert.Throws<System.ArgumentOutOfRangeException>(() => Filters.PlanGaussianBlur<byte>(10, 10, 4, 3, 0, 0)).ParamName);
        Assert.Equal("width", Assert.Throws<System.ArgumentOutOfRangeException>(() => Filters.PlanGaussianBlur<byte>(0, 10, 3, 3, 0, 0)).ParamName);
    }
}
