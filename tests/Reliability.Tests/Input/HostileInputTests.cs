using System.Text.Json;
using ComplianceReport.Compliance.Model;
using ComplianceReport.Compliance.Ports;
using ComplianceReport.Delivery.S3;
using ComplianceReport.Grains.Interfaces.Reports;
using ComplianceReport.Reliability.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.TestingHost;

namespace ComplianceReport.Reliability.Tests.Input;

/// <summary>
/// A whole run over an organization whose AWS strings are hostile: the workbook stays valid with no
/// formula, the Jira description keeps them as text, logs get no forged lines, and no file name or
/// S3 key follows an account name.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private readonly HostileOrganization _organization = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly string _output = Directory.CreateTempSubdirectory("compliance-hostile-").FullName;
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await ComplianceTestCluster.StartAsync(
            new Dictionary<string, string?>
            {
                ["Organization:ManagementAccountId"] = "100000000000",
                ["Organization:Regions:0"] = "us-east-1",
                ["Aws:ServiceUrl"] = "http://127.0.0.1:9",
                ["Report:OutputDirectory"] = _output,
                ["Jira:DryRun"] = "true",
                ["Jira:ProjectKey"] = "SEC",
            },
            silo =>
            {
                silo.Services.AddSingleton<IOrganizationDiscovery>(_organization);
                silo.Services.AddSingleton<IComplianceReader>(_organization);
                silo.Services.AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
            });
    }

    public async Task DisposeAsync()
    {
        await ComplianceTestCluster.StopAsync(_cluster);
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task Hostile_AWS_strings_reach_the_workbook_ticket_and_logs_as_inert_text()
    {
        var report = _cluster.Client.GetGrain<IReportGrain>(ReportGrainKeys.Default);
        var started = await report.StartWeeklyRunAsync("2026-W40", RunTrigger.Scheduled, CancellationToken.None);
        var status = await RunWaiter.UntilAsync(_cluster.Client, started.RunId, s => s.IsFinished, TimeSpan.FromMinutes(2));
        Assert.True(status.Phase == RunPhase.Completed, $"run ended {status.Phase}: {status.Error}");

        // Only the run's own names on disk: nothing follows an account name.
        var files = Directory.GetFiles(_output, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["compliance-report-2026-W40.xlsx", "jira-ticket-2026-W40.json"], files);
        Assert.False(Directory.Exists("/tmp/evil"));
        Assert.Equal("compliance-reports/2026/2026-W40/compliance-report-2026-W40.xlsx", S3ReportSink.ObjectKey("compliance-reports", new RunInfo("2026-W40", "2026-W40", RunTrigger.Scheduled, DateTimeOffset.UtcNow, null, null)));

        // The workbook is valid OpenXML, has no formula cell, and keeps every value as text.
        var path = status.WorkbookPath!;
        using (var document = SpreadsheetDocument.Open(path, isEditable: false))
        {
            var errors = new OpenXmlValidator().Validate(document).Take(5).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }

        var dataSheets = new[] { "Accounts", "Findings", "Errors", "Changes", "Rules" };
        Assert.DoesNotContain(WorkbookRows.Formulas(path), f => f.Contains("HYPERLINK", StringComparison.Ordinal) || f.Contains("cmd", StringComparison.Ordinal));
        var findings = WorkbookRows.Read(path, "Findings");
        Assert.Equal((HostileOrganization.Values.Length * HostileOrganization.Values.Length) + 1, findings.Count);
        Assert.Contains(findings, r => r.Contains(HostileOrganization.Formula));
        Assert.Contains(findings, r => r.Contains(HostileOrganization.RightToLeft));
        Assert.All(findings.SelectMany(r => r), cell => Assert.True(cell.Length <= 32_767, "a cell exceeds Excel's limit"));
        Assert.DoesNotContain(findings.SelectMany(r => r), cell => cell.Contains('\u0000') || cell.Contains('\u0007') || cell.Contains('\u001b'));
        Assert.All(dataSheets, sheet => Assert.NotEmpty(WorkbookRows.Read(path, sheet)));

        // The ticket: valid JSON, hostile text only inside ADF text nodes, no link to the attacker.
        var ticket = await File.ReadAllTextAsync(Path.Combine(_output, "jira-ticket-2026-W40.json"));
        using var json = JsonDocument.Parse(ticket);
        Assert.DoesNotContain("\"href\": \"http://evil", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("\"href\":\"http://evil", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("\"mention\"", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0000", ticket, StringComparison.Ordinal);
        Assert.True(ticket.Length < 2_000_000, $"the ticket grew to {ticket.Length} characters");

        // Logs: a name with a newline cannot forge a log line, and no hostile value is logged raw.
        var logs = _logs.Messages.ToList();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, m => m.Contains("FORGED-LOG-LINE", StringComparison.Ordinal) && m.Contains('\n'));
        Assert.DoesNotContain(logs, m => m.Contains('\u001b'));
    }
}
