using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Specialized.Filters.BenchmarkReport;

/// <summary>
/// One measured benchmark: which class and method, its parameters, and the median time. The median, not the mean:
/// on a shared machine a few iterations slowed by another tenant move the mean by tens of percent.
/// </summary>
public sealed record Measurement(string Class, string Method, string Size, string Format, string Kernel, double MedianMicroseconds, string Allocated)
{
    /// <summary>The time of <paramref name="method"/> among the measurements of one case, if it was measured.</summary>
    public static double? Time(IEnumerable<Measurement> group, string method) => group.FirstOrDefault(m => m.Method == method)?.MedianMicroseconds;
}

/// <summary>Reads a BenchmarkDotNet CSV report (values carry units: "1,234.5 us").</summary>
public static class ReportFile
{
    public static List<Measurement> Read(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path).Replace("-report", string.Empty, StringComparison.Ordinal);
        string className = name[(name.LastIndexOf('.') + 1)..];
        string[] lines = File.ReadAllLines(path);
        string[] header = Split(lines[0]);
        int Column(string title) => Array.IndexOf(header, title);
        var rows = new List<Measurement>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = Split(line);
            string Cell(string title) => Column(title) >= 0 ? cells[Column(title)] : string.Empty;
            // The benchmarks always add a Median column; runs from before they did have only the mean.
            double median = ParseTime(Column("Median") >= 0 ? Cell("Median") : Cell("Mean"));
            if (double.IsNaN(median))
            {
                continue;
            }

            rows.Add(new Measurement(
                className, Cell("Method").Trim('\''), Cell("Size") is { Length: > 0 } size ? size : "1920x1080",
                Cell("Format"), Cell("Kernel"), median, Cell("Allocated")));
        }

        return rows;
    }

    /// <summary>CSV fields, honouring quotes (BenchmarkDotNet quotes fields containing commas).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c is ',' or ';' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields.ToArray();
    }

    public static double ParseTime(string text)
    {
        string[] parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[0].Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return double.NaN;
        }

        return parts[1] switch
        {
            "ns" => value / 1000,
            "us" or "μs" => value,
            "ms" => value * 1000,
            "s" => value * 1_000_000,
            _ => double.NaN,
        };
    }
}
