namespace Specialized.Filters.Generator.Models;

/// <summary>A generated source file: its hint name and text.</summary>
internal sealed record GeneratedFile(string HintName, string Source);
