namespace Specialized.Filters.Generator.Planning;

/// <summary>The supported image element types, by C# keyword, and what the generated kernel computes in.</summary>
internal static class ElementKinds
{
    public static bool IsSupported(string element) =>
        element is "byte" or "ushort" or "short" or "float" or "double";

    public static bool IsInteger(string element) => element is "byte" or "ushort";

    /// <summary>The lane type: ushort for 8-bit images, uint for 16-bit, float for 16S and 32F, double for 64F.</summary>
    public static string LaneType(string element) => element switch
    {
        "byte" => "ushort",
        "ushort" => "uint",
        "double" => "double",
        _ => "float",
    };

    /// <summary>OpenCV's fixed-point fraction bits: 8 for 8-bit images, 16 for 16-bit.</summary>
    public static int FractionBits(string element) => element == "byte" ? 8 : 16;
}
