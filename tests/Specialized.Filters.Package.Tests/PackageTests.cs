using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace Specialized.Filters.Package.Tests;

/// <summary>
/// The package as a user gets it: <c>dotnet pack</c> yields one package with the library under lib/ and the
/// generator under analyzers/dotnet/cs; a throwaway consumer restores it from a local folder (with its own package
/// cache, so nothing stale is reused), declares a [GaussianKernel] method, builds and runs it.
/// </summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("sf-package-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Packed_library_and_generator_work_in_a_consumer_project()
    {
        string version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}";
        string feed = Path.Combine(_work, "feed");
        Run(RepositoryRoot(), "pack", "runtime/Specialized.Filters", "-c", "Release", "-o", feed, $"-p:Version={version}");

        string package = Directory.GetFiles(feed, "*.nupkg").Single();
        using (ZipArchive zip = ZipFile.OpenRead(package))
        {
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            Assert.Contains("lib/net8.0/Specialized.Filters.dll", entries);
            Assert.Contains("lib/net10.0/Specialized.Filters.dll", entries);
            Assert.Contains("analyzers/dotnet/cs/Specialized.Filters.Generator.dll", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Generator.dll", StringComparison.Ordinal));
        }

        string consumer = Path.Combine(_work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>CS1591</NoWarn>
                <RestorePackagesPath>{Path.Combine(_work, "packages")}</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Specialized.Filters" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System;
            using System.Linq;
            using Specialized.Filters;

            var random = new Random(1);
            byte[] pixels = new byte[97 * 61 * 3];
            random.NextBytes(pixels);
            var src = new ImageView<byte>(pixels, 97, 61, 3);
            byte[] generated = new byte[pixels.Length], runtime = new byte[pixels.Length];
            Blur.Soft(src, new ImageSpan<byte>(generated, 97, 61, 3));
            Filters.GaussianBlur(src, new ImageSpan<byte>(runtime, 97, 61, 3), 5, 5, 1.2, 1.2, BorderMode.Reflect101, new FilterOptions { UseGeneratedKernels = false });
            GaussianBlurPlan plan = Filters.PlanGaussianBlur<byte>(97, 61, 5, 5, 1.2, 1.2);
            Console.WriteLine($"path {plan.Path} {plan.GeneratedKernel}");
            Console.WriteLine(generated.SequenceEqual(runtime) && generated.Any(v => v != 0) ? "generated kernel: OK" : "generated kernel: MISMATCH");

            static partial class Blur
            {
                [GaussianKernel(5, 1.2)]
                public static partial void Soft(ImageView<byte> src, ImageSpan<byte> dst);
            }
            """);

        string output = Run(consumer, "run", "-c", "Release");
        Assert.Contains("generated kernel: OK", output);
        Assert.Contains("path GeneratedKernel Blur.Soft", output);
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

        throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>Runs the dotnet CLI in a clean MSBuild environment (the test host's variables would leak into it).</summary>
    private static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using Process process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{stdout}\n{stderr.Result}");
        return stdout;
    }
}
