using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Specialized.Filters.BenchmarkReport;

/// <summary>
/// The performance goals of the project, checked against one run: for each, how many rows meet it and the worst
/// ratio, so that the README says plainly which goals are missed and by how much.
/// </summary>
public sealed class GoalSummary(IReadOnlyList<Measurement> rows)
{
    private const string Main = "GaussianBlurBenchmarks";
    private static readonly string[] LibraryMethods = ["Generated", "Generated 2 threads", "Runtime engine"];

    public string Markdown()
    {
        var text = new StringBuilder();
        foreach (string size in rows.Where(r => r.Class == Main).Select(r => r.Size).Distinct().OrderBy(s => s.Length).ThenBy(s => s, StringComparer.Ordinal))
        {
            text.AppendLine(Line($"Generated at most 0.5x OpenCV, {size}", Ratios(Main, size, "Generated", "OpenCV 1 thread"), 0.5));
            if (FloorLine(size) is string floor)
            {
                text.AppendLine(floor);
            }

            text.AppendLine(Line(
                $"Generated at most 4x a copy for 8UC1 ksize 3 and 5, {size}",
                Ratios(Main, size, "Generated", "Copy").Where(r => r.Case is ("8UC1", "3") or ("8UC1", "5")),
                4.0));
            text.AppendLine(Line($"Runtime engine at most 1.5x generated, {size}", Ratios(Main, size, "Runtime engine", "Generated"), 1.5));
            text.AppendLine(Line($"Two threads at most 0.6x one thread, {size}", Ratios(Main, size, "Generated 2 threads", "Generated"), 0.6));
        }

        text.AppendLine(CapacityLine());

        text.AppendLine(Line("Large kernels (21, 31) no slower than OpenCV, generated", Ratios("LargeKernelBenchmarks", "1920x1080", "Generated", "OpenCV 1 thread"), 1.0));

        // Calls with a kernel no [GaussianKernel] declares run the runtime engine, and large kernels are rarely declared.
        text.AppendLine(Line("Large kernels (21, 31) no slower than OpenCV, runtime engine", Ratios("LargeKernelBenchmarks", "1920x1080", "Runtime engine", "OpenCV 1 thread"), 1.0));
        text.AppendLine(AllocationLine());
        return text.ToString();
    }

    /// <summary>What a second thread could add in this run at all (ParallelCapacityBenchmarks): context for the two-thread goal.</summary>
    private string CapacityLine()
    {
        var capacity = rows.Where(r => r.Class == "ParallelCapacityBenchmarks").ToList();
        double? one = Measurement.Time(capacity, "One thread"), two = Measurement.Time(capacity, "Two threads");
        if (one is not double o || two is not double t)
        {
            return "- Parallel capacity of the machine: not measured in this run.";
        }

        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"- Parallel capacity of the machine, for context: two threads doing the same vector arithmetic each took {t / o:0.00}x the time of one " +
            $"(1.00x would be two free cores), so two threads could at best take {t / o / 2:0.00}x the one-thread time of a compute-bound blur.");
        double? copyOne = Measurement.Time(capacity, "Copy, one thread"), copyTwo = Measurement.Time(capacity, "Copy, two threads");
        return copyOne is double c1 && copyTwo is double c2
            ? line + string.Create(
                CultureInfo.InvariantCulture,
                $" Memory is shared too: copying a 1920x1080 8UC4 image in two halves on two threads took {c2 / c1:0.00}x the time of one thread " +
                $"copying it whole, which bounds blurs that are close to a copy (the small kernels, and 7680x4320).")
            : line;
    }

    /// <summary>
    /// For the rows that miss the 0.5x-OpenCV goal, how much time the goal leaves compared with a plain copy of the
    /// image (source read, destination written, as a blur must) in the same run: a goal near or below 1x of the copy
    /// cannot be met by any filter. Null when no row misses.
    /// </summary>
    private string? FloorLine(string size)
    {
        var missed = Ratios(Main, size, "Generated", "OpenCV 1 thread").Where(r => r.Ratio > 0.5).Select(r => r.Case).ToHashSet();
        var goalToCopy = Ratios(Main, size, "OpenCV 1 thread", "Copy").Where(r => missed.Contains(r.Case)).OrderBy(r => r.Ratio).ToList();
        if (goalToCopy.Count == 0)
        {
            return null;
        }

        string cases = string.Join(", ", goalToCopy.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Case.Format} ksize {r.Case.Kernel}: {0.5 * r.Ratio:0.00}x")));
        return $"- The memory floor on the rows that miss, for context: 0.5x OpenCV is this many times the time of a plain copy of the image ({cases}).";
    }

    /// <summary>
    /// MemoryDiagnoser counts the allocations of every thread in the process while a benchmark runs, the thread pool's
    /// own (a new worker thread, a queue segment) included; a few bytes on a few rows, averaged over thousands of calls,
    /// are that, not an allocation per call, which would show on every row of its kind.
    /// </summary>
    private string AllocationLine()
    {
        var library = rows.Where(r => LibraryMethods.Contains(r.Method)).ToList();
        var allocating = library.Where(r => r.Allocated is not ("0 B" or "-" or "")).ToList();
        if (allocating.Count == 0)
        {
            return $"- Zero bytes allocated per call: **met** on all {library.Count} rows of this library (one and two threads).";
        }

        string rowsText = string.Join(", ", allocating.Select(r => $"{r.Method} {r.Format} ksize {r.Kernel} {r.Size}: {r.Allocated}"));
        return $"- Zero bytes allocated per call: 0 B on {library.Count - allocating.Count} of {library.Count} rows of this library; " +
            $"{allocating.Count} rows show a few bytes per call on average ({rowsText}). MemoryDiagnoser counts every thread of the " +
            "process, the thread pool's own bookkeeping included, and these rows change from run to run; the allocation tests " +
            "assert 0 bytes per call on one thread and under 1000 bytes in 200 calls on small images with two and four threads.";
    }

    private IEnumerable<((string Format, string Kernel) Case, double Ratio)> Ratios(string className, string size, string method, string baseline) =>
        rows.Where(r => r.Class == className && r.Size == size)
            .GroupBy(r => (r.Format, r.Kernel))
            .Select(g => (g.Key, Ratio: Measurement.Time(g, method) / Measurement.Time(g, baseline)))
            .Where(r => r.Ratio is double)
            .Select(r => (r.Key, r.Ratio!.Value));


    private static string Line(string goal, IEnumerable<((string Format, string Kernel) Case, double Ratio)> ratios, double limit)
    {
        var all = ratios.ToList();
        if (all.Count == 0)
        {
            return $"- {goal}: not measured in this run.";
        }

        var worst = all.MaxBy(r => r.Ratio);
        int met = all.Count(r => r.Ratio <= limit);
        string verdict = met == all.Count ? $"**met** on all {all.Count} rows" : $"**missed** on {all.Count - met} of {all.Count} rows";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"- {goal}: {verdict}; worst {worst.Ratio:0.00}x ({worst.Case.Format} ksize {worst.Case.Kernel}).");
    }
}
