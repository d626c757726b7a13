using System.Globalization;

namespace Specialized.Filters.Generator.Emitting;

/// <summary>
/// Culture-invariant, round-tripping C# literals. "R" gives the shortest form on .NET Core, but on .NET Framework
/// (where the compiler may host the generator) it can lose the last bit, so every literal is parsed back and falls
/// back to "G17"/"G9" when it does not round-trip. A culture with U+2212 as minus sign cannot leak in.
/// </summary>
internal static class Literals
{
    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        return text.Contains(".") || text.Contains("E") ? text : text + ".0";
    }

    public static string Single(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "f";
    }

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string String(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
