using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace Specialized.Filters.Generator.Tests;

/// <summary>
/// Snapshot testing with Verify's conventions, without Verify: generated files are compared with
/// <c>Snapshots/&lt;Scenario&gt;/&lt;HintName&gt;.verified.cs</c>. On a mismatch a <c>.received.cs</c> file is written
/// beside it (git-ignored) and the test fails with the first differing line. Setting
/// <c>SNAPSHOT_ACCEPT=1</c> accepts received output, except when <c>CI=true</c>. Files in the folder that the
/// generator no longer produces fail the test too, so stale snapshots are noticed.
/// </summary>
internal static partial class Snapshot
{
    public static void Verify(string scenario, IEnumerable<(string HintName, string Text)> files, [CallerFilePath] string caller = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots", scenario);
        Directory.CreateDirectory(directory);
        bool accept = Environment.GetEnvironmentVariable("SNAPSHOT_ACCEPT") == "1" && Environment.GetEnvironmentVariable("CI") != "true";
        var problems = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach ((string hintName, string text) in files)
        {
            string stem = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;
            string verified = Path.Combine(directory, stem + ".verified.cs");
            string received = Path.Combine(directory, stem + ".received.cs");
            expectedFiles.Add(Path.GetFileName(verified));
            string actual = Normalize(text);
            string? expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
            if (expected == actual)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, actual);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, actual);
            problems.Add(expected is null
                ? $"{stem}: no verified snapshot yet; review {received} and rename it to .verified.cs (or run with SNAPSHOT_ACCEPT=1)"
                : $"{stem}: {FirstDifference(expected, actual)}; see {received}");
        }

        foreach (string stale in Directory.GetFiles(directory, "*.verified.cs").Select(f => Path.GetFileName(f)).Where(f => !expectedFiles.Contains(f)))
        {
            if (accept)
            {
                File.Delete(Path.Combine(directory, stale));
            }
            else
            {
                problems.Add($"{stale}: the generator no longer produces this file; delete it");
            }
        }

        if (problems.Count > 0)
        {
            throw new XunitException($"Snapshot '{scenario}' differs:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    /// <summary>Line endings and the generator's version must not make snapshots churn.</summary>
    private static string Normalize(string text) =>
        VersionPattern().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF'), "\"Specialized.Filters.Generator\", \"{version}\"");

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string left = i < e.Length ? e[i] : "<end of file>", right = i < a.Length ? a[i] : "<end of file>";
            if (left != right)
            {
                return $"line {i + 1}:{Environment.NewLine}  expected: {left.Trim()}{Environment.NewLine}  actual:   {right.Trim()}";
            }
        }

        return "identical";
    }

    [GeneratedRegex("\"Specialized\\.Filters\\.Generator\", \"[0-9.]+\"")]
    private static partial Regex VersionPattern();
}
