using System.ComponentModel;
using ComplianceReport.Client.Cli;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands;

/// <summary><c>rescan &lt;id&gt;...</c>: scans accounts now, all at once; exit 1 when one could not be scanned.</summary>
public sealed class RescanCommand(IComplianceApi api, CliOutput output) : AsyncCommand<RescanCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "<ACCOUNT>")]
        [Description("One or more 12-digit account ids.")]
        public string[] AccountIds { get; set; } = [];

        public override ValidationResult Validate() =>
            Cli.AccountIds.FirstInvalid(AccountIds) is { } error ? ValidationResult.Error(error) : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ids = settings.AccountIds.Distinct(StringComparer.Ordinal).ToList();
        if (await AccountIds.RefuseUnknownAsync(api, ids, cancellationToken) is { } refusal)
        {
            return output.Fail(refusal);
        }

        using var activity = CliTelemetry.ActivitySource.StartActivity("cli.rescan");
        RescanResult[] results;
        if (settings.Format == OutputFormat.Table && output.Interactive)
        {
            results = await output.Console.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"Rescanning {ids.Count} accounts", maxValue: ids.Count);
                return await Task.WhenAll(ids.Select(async id =>
                {
                    var result = await ScanAsync(id, cancellationToken);
                    task.Increment(1);
                    return result;
                }));
            });
        }
        else
        {
            results = await Task.WhenAll(ids.Select(id => ScanAsync(id, cancellationToken)));
        }

        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(results);
                break;
            case OutputFormat.Csv:
                output.Csv(
                    ["accountId", "status", "nonCompliantResources", "compliancePercent", "traceId", "error"],
                    results.Select(r => (IReadOnlyList<string?>)[r.AccountId, r.Status.ToString(), CliOutput.Number(r.NonCompliantResources), r.CompliancePercent?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.TraceId, r.Error]));
                break;
            default:
                var table = new FittedTable().Fixed("Account").Fixed("Status").Fixed("Non-compliant", rightAligned: true).Fixed("Compliance", rightAligned: true).Text("Error").Fixed("Trace id", optional: true);
                foreach (var r in results)
                {
                    table.Row(r.AccountId, r.Status.ToString(), CliOutput.Number(r.NonCompliantResources), r.CompliancePercent is { } p ? $"{p:0.0} %" : "n/a", r.Error, r.TraceId);
                }

                output.Table(table);
                break;
        }

        var failed = results.Count(r => r.Status == AccountScanStatus.Failed);
        return failed == 0
            ? ExitCodes.Success
            : output.Fail($"{CliOutput.Number(failed)} of {CliOutput.Number(results.Length)} accounts could not be scanned.");
    }

    private async Task<RescanResult> ScanAsync(string accountId, CancellationToken cancellationToken)
    {
        try
        {
            return RescanResult.Of(accountId, await api.RescanAsync(accountId, cancellationToken));
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or CliFailureException))
        {
            return new RescanResult(accountId, AccountScanStatus.Failed, 0, null, null, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
