namespace Specialized.Filters.Generated.Tests;

/// <summary>A generated method under test, with the arguments its attribute was given.</summary>
public delegate void BlurMethod<T>(ImageView<T> src, ImageSpan<T> dst, BorderMode border)
    where T : unmanaged;

/// <summary>One annotated method and its attribute arguments; <paramref name="FixedBorder"/> is null when the border is a parameter.</summary>
public sealed record KernelCase<T>(string Name, int KsizeX, int KsizeY, double SigmaX, double SigmaY, BorderMode? FixedBorder, BlurMethod<T> Run)
    where T : unmanaged
{
    public override string ToString() => Name;
}
