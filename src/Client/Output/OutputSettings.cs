using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Output;

/// <summary>The options every command that prints data shares.</summary>
public class OutputSettings : CommandSettings
{
    [CommandOption("-o|--output <FORMAT>")]
    [Description("[green]table[/] (default), [green]json[/] or [green]csv[/].")]
    public string? Output { get; set; }

    [CommandOption("--json")]
    [Description("The same as [green]-o json[/].")]
    public bool Json { get; set; }

    public OutputFormat Format => Json ? OutputFormat.Json : Parse(Output) ?? OutputFormat.Table;

    public override ValidationResult Validate()
    {
        if (Output is not null && Parse(Output) is null)
        {
            return ValidationResult.Error($"Unknown output format '{Output}': use table, json or csv.");
        }

        if (Json && Output is not null && Parse(Output) != OutputFormat.Json)
        {
            return ValidationResult.Error($"--json and -o {Output} ask for different formats: give one.");
        }

        return ValidationResult.Success();
    }

    private static OutputFormat? Parse(string? value) => value?.ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => null,
    };
}
