using System.ComponentModel;

namespace Specialized.Filters.Convolution;

/// <summary>
/// How a column pass stores output rows, chosen when the JIT compiles it so that the choice costs nothing per vector:
/// pass <see cref="NonTemporal"/> to <see cref="IVectorOps{TVector, T}.Store{TOut}(TVector, ref TOut, nint, bool)"/>.
/// Public for code emitted by Specialized.Filters.Generator; not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IStoreMode
{
    /// <summary>Whether output rows are streamed to memory past the caches.</summary>
    static abstract bool NonTemporal { get; }
}

/// <summary>Plain stores: the output stays in the cache, for images that fit it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CachedStores : IStoreMode
{
    /// <inheritdoc/>
    public static bool NonTemporal => false;
}

/// <summary>Streaming stores: the output goes to memory, for images larger than the caches.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NonTemporalStores : IStoreMode
{
    /// <inheritdoc/>
    public static bool NonTemporal => true;
}
