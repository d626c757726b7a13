namespace Specialized.Filters.Convolution;

/// <summary>A kernel ready to run over images of <typeparamref name="T"/>: either the runtime's or a generated one.</summary>
internal abstract class KernelRunner<T>
    where T : unmanaged
{
    /// <summary>The generated kernel's method (namespace, types, name), or null for the runtime engine.</summary>
    public abstract string? GeneratedName { get; }

    /// <summary>Whether the kernel has a fused pass (<see cref="ISeparableKernel{TSrc, TRow}.FilterFused"/>).</summary>
    public abstract bool HasFusedPass { get; }

    /// <summary>The vectors of filtered rows the fused pass keeps in registers (<see cref="ISeparableKernel{TSrc, TRow}.FusedWindowVectors"/>).</summary>
    public abstract int FusedWindowVectors { get; }

    public abstract void Run(ImageView<T> source, ImageSpan<T> destination, BorderMode border, FilterOptions options);
}

/// <summary>Runs one kernel struct through the separable engine.</summary>
internal sealed class KernelRunner<TSrc, TRow, TKernel>(TKernel kernel, string? generatedName) : KernelRunner<TSrc>
    where TSrc : unmanaged
    where TRow : unmanaged
    where TKernel : struct, ISeparableKernel<TSrc, TRow>
{
    public override string? GeneratedName => generatedName;

    public override bool HasFusedPass => kernel.HasFusedPass;

    public override int FusedWindowVectors => kernel.FusedWindowVectors;

    public override void Run(ImageView<TSrc> source, ImageSpan<TSrc> destination, BorderMode border, FilterOptions options) =>
        SeparableFilter.Run<TSrc, TRow, TKernel>(kernel, source, destination, border, options.DegreeOfParallelism, options.OutputStores, options.FuseLargeWindows);
}
