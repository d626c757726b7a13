namespace Specialized.Filters.Convolution;

/// <summary>How the terms of a wide column sum are formed (<see cref="WideColumnSums.Pairs"/>), as a type so that the JIT compiles each its own loop.</summary>
internal interface IWideTerms
{
    /// <summary>True: the centre row and the sums of mirrored rows; false: each row on its own.</summary>
    static abstract bool Pairs { get; }
}

internal readonly struct MirroredPairs : IWideTerms
{
    public static bool Pairs => true;
}

internal readonly struct SingleRows : IWideTerms
{
    public static bool Pairs => false;
}
