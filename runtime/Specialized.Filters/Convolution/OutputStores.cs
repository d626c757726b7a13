namespace Specialized.Filters.Convolution;

/// <summary>How a band writes output rows (<see cref="BandLayout.ChooseOutput"/>).</summary>
internal enum OutputStores
{
    /// <summary>Plain stores from the column pass: the output stays in the cache.</summary>
    Cached,

    /// <summary>
    /// The column pass streams the whole cache lines of each row itself (<see cref="NonTemporalStores"/>); possible
    /// where one vector store fills a line.
    /// </summary>
    Streamed,

    /// <summary>The column pass writes each row to a row buffer in the cache, which is then streamed to the output (<see cref="NonTemporal.Copy"/>).</summary>
    StreamedFromRowBuffer,
}
