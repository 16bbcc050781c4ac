using System.ComponentModel;
using ComplianceReport.Client.Doctor;
using ComplianceReport.Client.Output;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands;

/// <summary><c>doctor</c>: the deployment preflight, run in-process with the hub's credentials; no cluster needed.</summary>
public sealed class DoctorCommand(IConfiguration configuration, CliOutput output) : AsyncCommand<DoctorCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--sample <N>")]
        [Description("Check the read role in only N accounts, spread over the organization (default: all).")]
        public int? Sample { get; set; }

        public override ValidationResult Validate()
        {
            if (Sample is < 1)
            {
                return ValidationResult.Error($"--sample must be at least 1 (got {Sample}).");
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<DoctorCheckResult> rows;
        try
        {
            await using var services = DoctorServices.Build(configuration);
            rows = await services.GetRequiredService<DoctorRunner>().RunAsync(settings.Sample, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            return output.Fail(ex.Failures.FirstOrDefault() ?? ex.Message);
        }

        var failed = rows.Count(r => r.Status == DoctorStatus.Failed);
        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(new { passed = failed == 0, failed, checks = rows });
                break;
            case OutputFormat.Csv:
                output.Csv(["check", "status", "detail", "fix"], rows.Select(r => (IReadOnlyList<string?>)[r.Check, r.Status.ToString(), r.Detail, r.Fix]));
                break;
            default:
                var table = new FittedTable()
                    .Fixed(" ")
                    .Fixed("Check")
                    .Text("Result");
                foreach (var row in rows)
                {
                    table.Row(Mark(row.Status), row.Check, row.Detail);
                }

                output.Table(table);
                output.Line(failed == 0 ? $"All {rows.Count} checks passed." : $"{failed} of {rows.Count} checks failed.");

                // Fixes in full below the table: a command or a template name cut to fit a column is no use.
                var fixes = rows.Where(r => r.Status == DoctorStatus.Failed && !string.IsNullOrWhiteSpace(r.Fix)).ToList();
                if (fixes.Count > 0)
                {
                    output.Line(string.Empty);
                    output.Line("To fix:");
                    foreach (var row in fixes)
                    {
                        output.Line($"  {row.Check}: {row.Fix}");
                    }
                }
                break;
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string Mark(DoctorStatus status) => status switch
    {
        DoctorStatus.Passed => "✓",
        DoctorStatus.Failed => "✗",
        _ => "–",
    };
}
