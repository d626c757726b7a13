using System;

namespace Specialized.Filters.Convolution;

/// <summary>The element offsets of a row kernel's taps (tap j at <c>j * channels</c>), precomputed for 1 to 4 channels.</summary>
internal sealed class TapOffsets
{
    private readonly nint[][] _byChannels;

    public TapOffsets(int taps)
    {
        _byChannels = new nint[ImageLayout.MaxChannels][];
        for (int channels = 1; channels <= ImageLayout.MaxChannels; channels++)
        {
            var offsets = new nint[taps];
            for (int j = 0; j < taps; j++)
            {
                offsets[j] = (nint)j * channels;
            }

            _byChannels[channels - 1] = offsets;
        }
    }

    public ReadOnlySpan<nint> For(int channels) => _byChannels[channels - 1];
}
