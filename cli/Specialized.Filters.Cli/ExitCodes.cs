namespace Specialized.Filters.Cli;

/// <summary>Process exit codes, distinct per kind of failure so scripts can tell them apart.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int BadUsage = 1;
    public const int InputNotFound = 2;
    public const int UndecodableImage = 3;
    public const int WriteFailed = 4;
    public const int FilterFailed = 5;
}

/// <summary>A failure with a message for the user and an exit code.</summary>
public class CliException(string message, int exitCode) : System.Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>The command line itself is wrong: the usage text is printed after the message.</summary>
public sealed class UsageException(string message) : CliException(message, ExitCodes.BadUsage);
