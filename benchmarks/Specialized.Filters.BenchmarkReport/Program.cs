using System;
using System.IO;
using System.Linq;

namespace Specialized.Filters.BenchmarkReport;

/// <summary>
/// <c>dotnet run --project benchmarks/Specialized.Filters.BenchmarkReport -- [results-folder] [repository-root]</c>:
/// reads the <c>*-report.csv</c> files BenchmarkDotNet wrote and regenerates the README's benchmark section,
/// <c>docs/benchmarks.md</c> and <c>docs/benchmarks.png</c>. With <c>--page file.md</c> first, writes only that page
/// (<see cref="Report.MachinePage"/>), for a run on another machine.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string? page = null;
        if (args.Length >= 2 && args[0] == "--page")
        {
            page = args[1];
            args = args[2..];
        }

        string root = args.Length > 1 ? args[1] : FindRoot();
        string results = args.Length > 0 ? args[0] : Path.Combine(root, "BenchmarkDotNet.Artifacts", "results");
        var runs = Directory.GetFiles(results, "*-report.csv").Select(ReportFile.Read).ToList();
        if (runs.Count == 0)
        {
            Console.Error.WriteLine($"error: no *-report.csv in {results}; run the benchmarks first.");
            return 1;
        }

        if (runs.Sum(r => r.Count) == 0)
        {
            // BenchmarkDotNet writes a report even when every benchmark threw (a missing native library, say):
            // a page of "not measured" would look like a result.
            Console.Error.WriteLine($"error: the reports in {results} hold no measured rows; every benchmark failed (see the benchmark run's output).");
            return 1;
        }

        var report = new Report(runs.SelectMany(r => r).ToList(), DateTime.UtcNow);
        if (page is not null)
        {
            File.WriteAllText(Path.Combine(root, page), report.MachinePage());
            Console.WriteLine($"wrote {page} from {runs.Sum(r => r.Count)} rows");
            return 0;
        }

        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "benchmarks.md"), report.FullPage());
        Chart.Write(report, Path.Combine(root, "docs", "benchmarks.png"));
        string readme = Path.Combine(root, "README.md");
        File.WriteAllText(readme, Report.ReplaceSection(File.ReadAllText(readme), report.ReadmeSection()));
        Console.WriteLine($"wrote docs/benchmarks.md, docs/benchmarks.png and the README section from {runs.Sum(r => r.Count)} rows");
        return 0;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Specialized.Filters.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository or pass its root.");
    }
}
