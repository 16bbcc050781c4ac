using System.ComponentModel;
using ComplianceReport.Client.Output;
using ComplianceReport.Compliance.Exceptions;
using ComplianceReport.Compliance.Options;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands.Exceptions;

/// <summary>
/// <c>exceptions check FILE</c>: validates an exceptions file offline with the code a run uses,
/// listing every problem (file:line: field: message) and exiting 2 when there is one.
/// </summary>
public sealed class ExceptionsCheckCommand(IConfiguration configuration, CliOutput output) : AsyncCommand<ExceptionsCheckCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The YAML exceptions file (a local path).")]
        public string File { get; set; } = string.Empty;

        [CommandOption("--max-days <DAYS>")]
        [Description("The longest an entry may last after its approval (default: Report:ExceptionsMaxDays, else 365).")]
        public int? MaxDays { get; set; }

        public override ValidationResult Validate() =>
            MaxDays is < 1 or > ReportEvaluationOptions.MaxExceptionsMaxDays
                ? ValidationResult.Error($"--max-days must be 1 to {ReportEvaluationOptions.MaxExceptionsMaxDays} (got {MaxDays}).")
                : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            output.Warn($"{settings.File}: cannot be read ({ex.Message}).");
            return ExitCodes.BadUsage;
        }

        var maxDays = settings.MaxDays ?? configuration.GetValue("Report:ExceptionsMaxDays", ReportEvaluationOptions.DefaultExceptionsMaxDays);
        var result = ExceptionsFileParser.Parse(text, settings.File, maxDays);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(new { file = settings.File, valid = result.IsValid, entries = result.Entries, errors = result.Errors.Select(e => new { e.Line, e.Field, e.Message }) });
                break;
            case OutputFormat.Csv:
                output.Csv(["file", "line", "field", "message"], result.Errors.Select(e => (IReadOnlyList<string?>)[e.File, CliOutput.Number(e.Line), e.Field, e.Message]));
                break;
            default:
                if (result.IsValid)
                {
                    var expired = result.Entries.Count(e => !e.IsActiveOn(today));
                    output.Line($"{settings.File}: valid, {CliOutput.Number(result.Entries.Count)} entries ({CliOutput.Number(result.Entries.Count - expired)} active, {CliOutput.Number(expired)} expired).");
                }

                break;
        }

        foreach (var error in result.Errors)
        {
            output.Warn(error.ToString());
        }

        return result.IsValid ? ExitCodes.Success : ExitCodes.BadUsage;
    }
}
