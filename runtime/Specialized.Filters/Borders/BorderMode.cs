namespace Specialized.Filters;

/// <summary>
/// How pixels outside the image are extrapolated. The numeric values are OpenCV's <c>cv::BorderTypes</c>,
/// so a value can be passed straight through to or from OpenCV.
/// </summary>
public enum BorderMode
{
    /// <summary><c>000000|abcdefgh|0000000</c>: pixels outside the image are zero (OpenCV <c>BORDER_CONSTANT</c> with value 0).</summary>
    Constant = 0,

    /// <summary><c>aaaaaa|abcdefgh|hhhhhhh</c>: the edge pixel is repeated (OpenCV <c>BORDER_REPLICATE</c>).</summary>
    Replicate = 1,

    /// <summary><c>fedcba|abcdefgh|hgfedcb</c>: mirrored, the edge pixel included (OpenCV <c>BORDER_REFLECT</c>).</summary>
    Reflect = 2,

    /// <summary><c>cdefgh|abcdefgh|abcdefg</c>: periodic (OpenCV <c>BORDER_WRAP</c>).</summary>
    Wrap = 3,

    /// <summary><c>gfedcb|abcdefgh|gfedcba</c>: mirrored about the edge pixel (OpenCV <c>BORDER_REFLECT_101</c>, the default).</summary>
    Reflect101 = 4,
}
