using System.ComponentModel;
using ComplianceReport.Client.Cli;
using ComplianceReport.Client.Cluster;
using ComplianceReport.Client.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace ComplianceReport.Client.Commands;

/// <summary><c>account &lt;id&gt;</c>: one account's last scan, per region, with its trace id.</summary>
public sealed class AccountCommand(IComplianceApi api, CliOutput output) : AsyncCommand<AccountCommand.Settings>
{
    public sealed class Settings : OutputSettings
    {
        [CommandArgument(0, "<ACCOUNT>")]
        [Description("The 12-digit account id.")]
        public string AccountId { get; set; } = string.Empty;

        public override ValidationResult Validate() =>
            AccountIds.FirstInvalid([AccountId]) is { } error ? ValidationResult.Error(error) : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (await AccountIds.RefuseUnknownAsync(api, [settings.AccountId], cancellationToken) is { } refusal)
        {
            return output.Fail(refusal);
        }

        var details = await api.GetAccountAsync(settings.AccountId, cancellationToken);
        var summary = details.Summary;
        switch (settings.Format)
        {
            case OutputFormat.Json:
                output.Json(details with { Summary = summary is null ? null : summary with { CompliancePercent = CliOutput.PercentNumber(summary.CompliancePercent) } });
                return ExitCodes.Success;
            case OutputFormat.Csv:
                output.Csv(
                    ["accountId", "region", "status", "rules", "nonCompliantResources", "errorKind", "error"],
                    details.Regions.Select(r => (IReadOnlyList<string?>)[details.AccountId, r.Region, r.Status.ToString(), CliOutput.Number(r.Rules), CliOutput.Number(r.NonCompliantResources), r.Error?.Kind.ToString(), r.Error?.Message]));
                return ExitCodes.Success;
        }

        if (details.LastScanAt is null)
        {
            output.Line($"Account {details.AccountId} ({details.Account?.Name}) has not been scanned yet: try 'rescan {details.AccountId}'.");
            return ExitCodes.Success;
        }

        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Add(string label, string? value) => grid.AddRow(new Text(label), new Text(value ?? string.Empty));
        Add("Account", details.AccountId);
        Add("Name", details.Account?.Name);
        Add("OU path", details.Account?.OuPath);
        Add("Status", summary?.Status.ToString() ?? "n/a");
        Add("Compliance", CliOutput.Percent(summary?.CompliancePercent));
        Add("Non-compliant", summary is null ? "n/a" : $"{CliOutput.Number(summary.NonCompliantRules)} rules, {CliOutput.Number(summary.NonCompliantResources)} resources");
        Add("Last scan", CliOutput.Time(details.LastScanAt));
        Add("Last run", details.LastRunId ?? "(a rescan)");
        Add("Trace id", details.LastTraceId);
        if (XRayTrace.Describe(details.LastTraceId) is { } xray)
        {
            Add("X-Ray", xray);
        }
        Add("Error", details.LastError is null ? "none" : $"{details.LastError.Kind}: {details.LastError.Message}");
        output.Write(grid);

        var regions = new FittedTable().Fixed("Region").Fixed("Status").Fixed("Rules", rightAligned: true).Fixed("Non-compliant", rightAligned: true).Text("Error");
        foreach (var r in details.Regions)
        {
            regions.Row(r.Region, r.Status.ToString(), CliOutput.Number(r.Rules), CliOutput.Number(r.NonCompliantResources), r.Error?.Message);
        }

        output.Table(regions);
        return ExitCodes.Success;
    }
}
