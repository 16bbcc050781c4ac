using ComplianceReport.Compliance.Model;
using ComplianceReport.Grains.Interfaces.Accounts;
using ComplianceReport.Grains.Interfaces.Reports;

namespace ComplianceReport.Grains.Reports;

/// <summary>A run's persisted progress: enough to resume after its silo is lost.</summary>
[GenerateSerializer, Alias("ComplianceReport.RunState")]
public sealed class RunState
{
    [Id(0)]
    public string IsoWeek { get; set; } = string.Empty;

    [Id(1)]
    public RunTrigger Trigger { get; set; }

    [Id(2)]
    public RunPhase Phase { get; set; } = RunPhase.NotStarted;

    [Id(3)]
    public DateTimeOffset? StartedAt { get; set; }

    [Id(4)]
    public DateTimeOffset? CompletedAt { get; set; }

    [Id(5)]
    public List<HistoryPoint> History { get; set; } = [];

    /// <summary>Discovery's answer, in report order; null until discovery finished.</summary>
    [Id(6)]
    public List<OrganizationAccount>? Accounts { get; set; }

    /// <summary>Accounts already scanned for this run, by account id.</summary>
    [Id(7)]
    public Dictionary<string, AccountScanOutcome> Outcomes { get; set; } = new(StringComparer.Ordinal);

    [Id(8)]
    public string? WorkbookPath { get; set; }

    [Id(9)]
    public List<DeliveryResult> Deliveries { get; set; } = [];

    [Id(10)]
    public string? TraceId { get; set; }

    [Id(11)]
    public string? Error { get; set; }

    [Id(12)]
    public int Resumes { get; set; }

    [Id(13)]
    public string? TraceParent { get; set; }

    /// <summary>False for <c>report run --no-deliver</c>: the run ends once its workbook is written.</summary>
    [Id(14)]
    public bool Deliver { get; set; } = true;

    /// <summary>What the sinks intended and did, by entry (see <see cref="Compliance.Ports.IDeliveryJournal"/>); kept across redeliveries.</summary>
    [Id(15)]
    public Dictionary<string, string> DeliveryJournal { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The evaluate stage's figures, computed once when scanning ended; every output reads them.</summary>
    [Id(16)]
    public ReportSummary? Report { get; set; }

    /// <summary>The previous scheduled run this run's changes are counted against.</summary>
    [Id(17)]
    public string? BaselineRunId { get; set; }

    /// <summary>The exceptions entries loaded when the run started; null until then.</summary>
    [Id(18)]
    public List<AcceptedRisk>? Exceptions { get; set; }

    /// <summary>What every account was evaluated with (exceptions, the day, the accounts' tags); null until scanning ended.</summary>
    [Id(19)]
    public EvaluationContext? Context { get; set; }

    /// <summary>Each account's evaluated contribution, by account id, once scanning ended.</summary>
    [Id(20)]
    public Dictionary<string, AccountResult> Results { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What discovery's Organizations calls cost and how they were paced; null until discovery finished.</summary>
    [Id(21)]
    public AwsCallCount? DiscoveryCalls { get; set; }

    /// <summary>Where the previous scheduled run found AWS's limit, by operation: this run's pacing starts there; null until the run started.</summary>
    [Id(22)]
    public Dictionary<string, double>? StartRates { get; set; }
}
