using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Accounts;

/// <summary>What the CLI's <c>account &lt;id&gt;</c> shows.</summary>
[GenerateSerializer, Immutable, Alias("ComplianceReport.AccountDetails")]
public sealed record AccountDetails(
    [property: Id(0)] string AccountId,
    [property: Id(1)] OrganizationAccount? Account,
    [property: Id(2)] AccountSummary? Summary,
    [property: Id(3)] IReadOnlyList<RegionStatusLine> Regions,
    [property: Id(4)] ScanError? LastError,
    [property: Id(5)] string? LastTraceId,
    [property: Id(6)] DateTimeOffset? LastScanAt,
    [property: Id(7)] string? LastRunId);
