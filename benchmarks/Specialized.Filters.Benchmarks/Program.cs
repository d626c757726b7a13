using BenchmarkDotNet.Running;

namespace Specialized.Filters.Benchmarks;

/// <summary>
/// Entry point: BenchmarkDotNet's switcher, so any subset can be run, e.g.
/// <c>dotnet run -c Release --project benchmarks/Specialized.Filters.Benchmarks -- --filter '*GaussianBlur*'</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
