using System.ComponentModel;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using ComplianceReport.Compliance.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands;

/// <summary><c>accounts</c>: the accounts of the latest run, filtered and sorted.</summary>
public sealed class AccountsCommand(IComplianceApi api, CliOutput output) : AsyncCommand<AccountsCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandOption("--status <STATUS>")]
        [Description("Only accounts with this status: [green]scanned[/], [green]partial[/], [green]failed[/] or [green]skipped[/].")]
        public string? Status { get; set; }

        [CommandOption("--owner <OWNER>")]
        [Description("Only accounts whose owner is this (case-insensitive).")]
        public string? Owner { get; set; }

        [CommandOption("--sort <ORDER>")]
        [Description("[green]account[/] (the report's order, default), [green]compliance[/] (lowest first) or [green]findings[/] (most severe first).")]
        public string? Sort { get; set; }

        [CommandOption("--top <N>")]
        [Description("Show only the first N accounts.")]
        public int? Top { get; set; }

        public AccountScanStatus? StatusFilter => Status?.ToLowerInvariant() switch
        {
            "scanned" => AccountScanStatus.Scanned,
            "partial" => AccountScanStatus.Partial,
            "failed" => AccountScanStatus.Failed,
            "skipped" => AccountScanStatus.Skipped,
            _ => null,
        };

        public override ValidationResult Validate()
        {
            if (Status is not null && StatusFilter is null)
            {
                return ValidationResult.Error($"Unknown status '{Status}': use scanned, partial, failed or skipped.");
            }

            if (Sort is not null && Sort.ToLowerInvariant() is not ("account" or "compliance" or "findings"))
            {
                return ValidationResult.Error($"Unknown sort order '{Sort}': use account, compliance or findings.");
            }

            if (Top is < 1)
            {
                return ValidationResult.Error($"--top must be at least 1 (got {Top}).");
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var latest = await api.FindRunAsync(null, cancellationToken);
        if (latest is null)
        {
            return output.Fail(RunSettings.NoRunYet);
        }

        var all = await api.GetStandingsAsync(latest.RunId, cancellationToken);
        IEnumerable<AccountStanding> rows = all;
        if (settings.StatusFilter is { } status)
        {
            rows = rows.Where(a => a.Summary.Status == status);
        }

        if (settings.Owner is { } owner)
        {
            rows = rows.Where(a => string.Equals(a.Owner.Owner, owner, StringComparison.OrdinalIgnoreCase));
        }

        rows = settings.Sort?.ToLowerInvariant() switch
        {
            "compliance" => rows.OrderBy(a => a.Summary.CompliancePercent ?? double.MaxValue).ThenByDescending(a => a.Summary.NonCompliantResources),
            "findings" => rows.OrderByDescending(a => a.BySeverity).ThenByDescending(a => a.Summary.NonCompliantResources),
            _ => rows,
        };
        var shown = rows.Take(settings.Top ?? int.MaxValue).ToList();

        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(shown.Select(AccountRow.Of));
                return ExitCodes.Success;
            case OutputFormat.Csv:
                output.Csv(AccountRow.CsvHeader, shown.Select(a => AccountRow.Of(a).CsvFields()));
                return ExitCodes.Success;
        }

        var table = new FittedTable()
            .Fixed("Account")
            .Text("Name")
            .Fixed("Status")
            .Fixed("Critical", rightAligned: true)
            .Fixed("High", rightAligned: true)
            .Fixed("Findings", rightAligned: true)
            .Fixed("Compliance", rightAligned: true)
            .Text("Owner", optional: true)
            .Fixed("Change", rightAligned: true, optional: true)
            .Text("OU path", optional: true)
            .Text("Error", optional: true);
        foreach (var a in shown)
        {
            table.Row(
                a.Summary.Account.AccountId,
                a.Summary.Account.Name,
                a.Summary.Status.ToString(),
                CliOutput.Number(a.BySeverity.Critical),
                CliOutput.Number(a.BySeverity.High),
                CliOutput.Number(a.Summary.NonCompliantResources),
                CliOutput.Percent(a.Summary.CompliancePercent),
                a.Owner.Owner,
                ChangeText(a.Change, latest.Totals.ComparedWithRunId),
                a.Summary.Account.OuPath,
                a.Summary.Error?.Message);
        }

        output.Table(table);
        output.Line(shown.Count == all.Count
            ? $"{CliOutput.Number(all.Count)} accounts in run {latest.RunId}"
            : $"{CliOutput.Number(shown.Count)} of {CliOutput.Number(all.Count)} accounts in run {latest.RunId}");
        return ExitCodes.Success;
    }

    /// <summary>As on the workbook: without a previous scheduled run there is no change to show, not a zero.</summary>
    private static string ChangeText(int change, string? comparedWithRunId) =>
        comparedWithRunId is null ? "n/a"
        : change == 0 ? "0"
        : change.ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture);
}
