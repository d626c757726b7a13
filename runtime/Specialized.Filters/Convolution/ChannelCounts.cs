using System.ComponentModel;

namespace Specialized.Filters.Convolution;

/// <summary>
/// A channel count known when the JIT compiles a generic method, so that tap offsets (multiples of the channel
/// count) become constants in addressing. Used by generated kernels.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChannelCount
{
    /// <summary>Interleaved elements per pixel.</summary>
    static abstract int Value { get; }
}

/// <summary>One channel per pixel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct OneChannel : IChannelCount
{
    /// <inheritdoc/>
    public static int Value => 1;
}

/// <summary>Two interleaved channels per pixel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct TwoChannels : IChannelCount
{
    /// <inheritdoc/>
    public static int Value => 2;
}

/// <summary>Three interleaved channels per pixel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ThreeChannels : IChannelCount
{
    /// <inheritdoc/>
    public static int Value => 3;
}

/// <summary>Four interleaved channels per pixel.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct FourChannels : IChannelCount
{
    /// <inheritdoc/>
    public static int Value => 4;
}
