using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Silo.Cli;

/// <summary>Runs a Spectre command app with the README's exit codes: 0, 1 on failure, 2 on bad usage.</summary>
public static class CommandLine
{
    public const int UsageError = 2;

    public static async Task<int> RunAsync(ICommandApp app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        HonourColumns();
        try
        {
            return await app.RunAsync(args);
        }
        catch (CommandAppException ex)
        {
            // Parse and validation errors: one sentence, and where to look (no stack trace, no usage dump).
            var message = ex.Message.TrimEnd();
            Console.Error.WriteLine($"{message}{(message.EndsWith('.') ? string.Empty : ".")} See --help.");
            return UsageError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever was not foreseen still reaches the operator as one line, not a stack trace.
            Console.Error.WriteLine($"Failed: {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>
    /// Piped, Spectre assumes 80 columns; a user who sets <c>COLUMNS</c> (or a script that pipes
    /// through <c>less</c>) gets help and summaries laid out for that width instead.
    /// </summary>
    private static void HonourColumns()
    {
        if (Console.IsOutputRedirected
            && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns)
            && columns is >= 20 and <= 1000)
        {
            AnsiConsole.Profile.Width = columns;
        }
    }
}
