using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceReport.Client.Hosting;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Presentation;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ComplianceReport.Client.Cli;

/// <summary>Runs one CLI command against the cluster and returns the exit code.</summary>
public sealed class CliApplication(IAnsiConsole console, TextWriter error)
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, CancellationToken cancellationToken)
    {
        CliCommand command;
        try
        {
            command = CliParser.Parse(args);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync(CliParser.Usage);
            return BadUsage;
        }

        if (command.Kind == CommandKind.Help)
        {
            console.WriteLine(CliParser.Usage);
            return Success;
        }

        IHost host;
        try
        {
            host = ClusterClientFactory.Build(configuration);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync($"Configuration error: {ex.Message}");
            return Failure;
        }

        using (host)
        {
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var port = configuration["Cluster:GatewayPort"] ?? "30000";
                await error.WriteLineAsync(
                    $"No ComplianceReport silo answered (gateway port {port}): start one with 'dotnet run --project src/Demo', or set Cluster__* to reach yours. ({ex.GetType().Name})");
                return Failure;
            }

            var grains = host.Services.GetRequiredService<IGrainFactory>();
            try
            {
                return command.Kind switch
                {
                    CommandKind.Accounts => await AccountsAsync(grains, command, cancellationToken),
                    CommandKind.Account => await AccountAsync(grains, command, cancellationToken),
                    CommandKind.Rescan => await RescanAsync(grains, command, cancellationToken),
                    CommandKind.ReportRun => await ReportRunAsync(grains, command, cancellationToken),
                    CommandKind.ReportStatus => await ReportStatusAsync(grains, command, cancellationToken),
                    CommandKind.ReportList => await ReportListAsync(grains, command, cancellationToken),
                    _ => BadUsage,
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await error.WriteLineAsync($"The cluster call failed: {ex.GetType().Name}: {ex.Message}");
                return Failure;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
    }

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "n/a";

    private static string Escape(string? value) => Markup.Escape(value ?? string.Empty);

    private async Task<int> AccountsAsync(IGrainFactory grains, CliCommand command, CancellationToken cancellationToken)
    {
        var latest = await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).GetRunAsync(null, cancellationToken);
        if (latest is null)
        {
            await error.WriteLineAsync("No report has run yet: start one with 'report run --wait'.");
            return Failure;
        }

        var accounts = await grains.GetGrain<IReportRunGrain>(latest.RunId).GetAccountsAsync(cancellationToken);
        if (command.Json)
        {
            WriteJson(accounts);
            return Success;
        }

        var table = new Table().AddColumns("Account", "Name", "OU path", "Status", "Non-compliant rules", "Resources", "Compliance", "Error");
        foreach (var a in accounts)
        {
            table.AddRow(a.Account.AccountId, Escape(a.Account.Name), Escape(a.Account.OuPath), a.Status.ToString(),
                a.NonCompliantRules.ToString(CultureInfo.InvariantCulture), a.NonCompliantResources.ToString(CultureInfo.InvariantCulture),
                Percent(a.CompliancePercent), Escape(a.Error?.Message));
        }

        console.Write(table);
        console.WriteLine($"{accounts.Count} accounts in run {latest.RunId}");
        return Success;
    }

    private async Task<int> AccountAsync(IGrainFactory grains, CliCommand command, CancellationToken cancellationToken)
    {
        var details = await grains.GetGrain<IAccountGrain>(command.Arguments[0]).GetDetailsAsync(cancellationToken);
        if (command.Json)
        {
            WriteJson(details);
            return Success;
        }

        if (details.LastScanAt is null)
        {
            console.WriteLine($"Account {details.AccountId} has not been scanned yet: try 'rescan {details.AccountId}'.");
            return Success;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Account", details.AccountId);
        grid.AddRow("Name", Escape(details.Account?.Name));
        grid.AddRow("OU path", Escape(details.Account?.OuPath));
        grid.AddRow("Status", details.Summary?.Status.ToString() ?? "n/a");
        grid.AddRow("Compliance", Percent(details.Summary?.CompliancePercent));
        grid.AddRow("Non-compliant", $"{details.Summary?.NonCompliantRules} rules, {details.Summary?.NonCompliantResources} resources");
        grid.AddRow("Last scan", details.LastScanAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never");
        grid.AddRow("Last run", Escape(details.LastRunId));
        grid.AddRow("Trace id", Escape(details.LastTraceId));
        grid.AddRow("Error", Escape(details.LastError is null ? "none" : $"{details.LastError.Kind}: {details.LastError.Message}"));
        console.Write(grid);

        var regions = new Table().AddColumns("Region", "Status", "Rules", "Non-compliant resources", "Error");
        foreach (var r in details.Regions)
        {
            regions.AddRow(Escape(r.Region), r.Status.ToString(), r.Rules.ToString(CultureInfo.InvariantCulture),
                r.NonCompliantResources.ToString(CultureInfo.InvariantCulture), Escape(r.Error?.Message));
        }

        console.Write(regions);
        return Success;
    }

    private async Task<int> RescanAsync(IGrainFactory grains, CliCommand command, CancellationToken cancellationToken)
    {
        var request = new ScanRequest(null, TimeSpan.Zero, Force: true, RunId: null);
        var outcomes = new Dictionary<string, AccountScanOutcome>(StringComparer.Ordinal);
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        using var activity = CliTelemetry.ActivitySource.StartActivity("cli.rescan");

        async Task ScanOne(string id, Action done)
        {
            try
            {
                outcomes[id] = await grains.GetGrain<IAccountGrain>(id).ScanAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures[id] = $"{ex.GetType().Name}: {ex.Message}";
            }

            done();
        }

        if (command.Json || console.Profile.Capabilities.Interactive is false)
        {
            await Task.WhenAll(command.Arguments.Select(id => ScanOne(id, () => { })));
        }
        else
        {
            await console.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Rescanning", maxValue: command.Arguments.Count);
                await Task.WhenAll(command.Arguments.Select(id => ScanOne(id, () => task.Increment(1))));
            });
        }

        if (command.Json)
        {
            WriteJson(new { outcomes, failures });
        }
        else
        {
            var table = new Table().AddColumns("Account", "Status", "Non-compliant resources", "Compliance", "Trace id", "Error");
            foreach (var id in command.Arguments)
            {
                if (outcomes.TryGetValue(id, out var o))
                {
                    table.AddRow(id, o.Summary.Status.ToString(), o.Summary.NonCompliantResources.ToString(CultureInfo.InvariantCulture),
                        Percent(o.Summary.CompliancePercent), Escape(o.TraceId), Escape(o.Summary.Error?.Message));
                }
                else
                {
                    table.AddRow(id, "Failed", string.Empty, string.Empty, string.Empty, Escape(failures[id]));
                }
            }

            console.Write(table);
        }

        var failed = failures.Count + outcomes.Values.Count(o => o.Summary.Status == AccountScanStatus.Failed);
        return failed == 0 ? Success : Failure;
    }

    private async Task<int> ReportRunAsync(IGrainFactory grains, CliCommand command, CancellationToken cancellationToken)
    {
        using var activity = CliTelemetry.ActivitySource.StartActivity("cli.report.run");
        var traceParent = Activity.Current?.Id;
        var started = await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).StartOnDemandRunAsync(new OnDemandRunRequest(traceParent), cancellationToken);
        var status = started.Run;
        if (started.AttachedToExisting && !command.Json)
        {
            console.WriteLine($"Run {status.RunId} is already in progress; following it instead of starting another.");
        }

        if (!command.Wait)
        {
            Render(status, command.Json);
            return status.Phase == RunPhase.Failed ? Failure : Success;
        }

        var run = grains.GetGrain<IReportRunGrain>(status.RunId);
        if (command.Json || console.Profile.Capabilities.Interactive is false)
        {
            var lastLine = string.Empty;
            while (!status.IsFinished)
            {
                await Task.Delay(500, cancellationToken);
                status = await run.GetStatusAsync(cancellationToken);
                var line = $"{status.Phase} {status.AccountsDone}/{status.AccountsTotal} accounts";
                if (!command.Json && line != lastLine)
                {
                    console.WriteLine(line);
                    lastLine = line;
                }
            }
        }
        else
        {
            await console.Progress().StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Run {status.RunId}");
                while (!status.IsFinished)
                {
                    await Task.Delay(500, cancellationToken);
                    status = await run.GetStatusAsync(cancellationToken);
                    task.MaxValue = Math.Max(1, status.AccountsTotal);
                    task.Value = status.AccountsDone;
                    task.Description = $"{status.Phase} {status.AccountsDone}/{status.AccountsTotal}";
                }

                task.Value = task.MaxValue;
            });
        }

        Render(status, command.Json);
        return status.Succeeded ? Success : Failure;
    }

    private async Task<int> ReportStatusAsync(IGrainFactory grains, CliCommand command, CancellationToken cancellationToken)
    {
        var runId = command.Arguments.Count > 0 ? command.Arguments[0] : null;
        var status = await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).GetRunAsync(runId, cancellationToken);
        if (status is null)
        {
            await error.WriteLineAsync(runId is null ? "No report has run yet." : $"No run '{runId}' is recorded: see 'report list'.");
            return Failure;
        }

        Render(status, command.Json);
        return status.Phase is RunPhase.Failed or RunPhase.CompletedWithErrors ? Failure : Success;
    }

    private async Task<int> ReportListAsync(IGrainFactory grains, CliCommand command, CancellationToken cancellationToken)
    {
        var runs = await grains.GetGrain<IReportGrain>(ReportGrainKeys.Default).ListRunsAsync(cancellationToken);
        if (command.Json)
        {
            WriteJson(runs);
            return Success;
        }

        var table = new Table().AddColumns("Run", "Trigger", "Phase", "Started", "Accounts", "Failed", "Non-compliant", "Compliance");
        foreach (var r in runs)
        {
            table.AddRow(Escape(r.RunId), r.Trigger.ToString(), r.Phase.ToString(), r.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty,
                r.AccountsTotal.ToString(CultureInfo.InvariantCulture), r.AccountsFailed.ToString(CultureInfo.InvariantCulture),
                r.NonCompliantResources.ToString(CultureInfo.InvariantCulture), Percent(r.CompliancePercent));
        }

        console.Write(table);
        console.WriteLine($"{runs.Count} runs");
        return Success;
    }

    private void Render(RunStatus status, bool json)
    {
        if (json)
        {
            WriteJson(status);
            return;
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("Run", Escape(status.RunId));
        grid.AddRow("Trigger", status.Trigger.ToString());
        grid.AddRow("Phase", status.Phase.ToString());
        grid.AddRow("Started", status.StartedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty);
        grid.AddRow("Completed", status.CompletedAt?.ToString("u", CultureInfo.InvariantCulture) ?? string.Empty);
        foreach (var (label, value) in ReportTotalsLines.Of(status.Totals))
        {
            grid.AddRow(label, Escape(value));
        }

        grid.AddRow("AWS calls", $"{status.AwsCalls.Calls} ({status.AwsCalls.Retries} retries, {status.AwsCalls.Throttles} throttled, {status.AwsCalls.Timeouts} timed out)");
        grid.AddRow("Workbook", Escape(status.WorkbookPath));
        foreach (var d in status.Deliveries)
        {
            grid.AddRow(Escape(d.Sink), Escape(d.Succeeded ? d.Location : $"FAILED: {d.Error}"));
        }

        grid.AddRow("Trace id", Escape(status.TraceId));
        if (status.Error is not null)
        {
            grid.AddRow("Error", Escape(status.Error));
        }

        console.Write(grid);
        foreach (var failure in status.Failures.Take(20))
        {
            console.WriteLine($"  not scanned: {failure.AccountId} {failure.Region ?? "(all regions)"}: {failure.Error.Kind}: {failure.Error.Message}");
        }
    }

    private void WriteJson<T>(T value) => console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
}
