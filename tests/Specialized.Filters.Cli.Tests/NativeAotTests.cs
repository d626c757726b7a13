using System;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Specialized.Filters.Cli.Tests;

/// <summary>
/// The library promises NativeAOT support: the command-line program is published ahead of time (trimmed, no JIT)
/// and must write exactly the images the managed build writes. The publish treats trim and AOT warnings as errors.
/// </summary>
public sealed class NativeAotTests : IDisposable
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("sf-aot-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Native_executable_writes_the_same_images_as_the_managed_program()
    {
        string project = Path.Combine(RepositoryRoot(), "cli", "Specialized.Filters.Cli", "Specialized.Filters.Cli.csproj");
        string publish = Path.Combine(_directory, "publish");
        var (publishCode, publishOutput) = Start(
            "dotnet", _directory, "publish", project, "-c", "Release", "-r", "linux-x64", "-p:NativeAot=true", "-o", publish);
        Assert.True(publishCode == 0, $"dotnet publish failed:\n{publishOutput}");

        string native = Path.Combine(_directory, "native");
        Directory.CreateDirectory(native);
        var (code, output) = Start(Path.Combine(publish, "Specialized.Filters.Cli"), native);
        Assert.True(code == ExitCodes.Success, $"the native program failed:\n{output}");
        Assert.Contains("generated kernel", output);
        Assert.DoesNotContain("with JIT", output);

        string managed = Path.Combine(_directory, "managed");
        Directory.CreateDirectory(managed);
        Assert.Equal(ExitCodes.Success, Program.Run([], TextWriter.Null, TextWriter.Null, managed));
        string[] images = ["input.png", "blur-soft.png", "blur-medium.png", "blur-strong.png"];
        foreach (string image in images)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(managed, "out", image)), File.ReadAllBytes(Path.Combine(native, "out", image)));
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Specialized.Filters.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Specialized.Filters.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static (int Code, string Output) Start(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(PublishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish in {PublishTimeout}:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }
}
