using System.Globalization;
using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Client.Output;

/// <summary>One account as <c>accounts -o json|csv</c> prints it (a documented, stable shape).</summary>
/// <param name="CompliancePercent">Compliant rules over evaluated rules, in percent (0..100); null when nothing was evaluated.</param>
/// <param name="Change">Findings new minus resolved since the run compared with.</param>
public sealed record AccountRow(
    string AccountId,
    string Name,
    string? Email,
    string OuPath,
    AccountScanStatus Status,
    string Owner,
    OwnerSource OwnerSource,
    int NonCompliantRules,
    int CompliantRules,
    int NonCompliantResources,
    SeverityCounts BySeverity,
    int Change,
    double? CompliancePercent,
    ScanError? Error)
{
    public static IReadOnlyList<string> CsvHeader { get; } =
    [
        "accountId", "name", "email", "ouPath", "status", "owner", "ownerSource", "nonCompliantRules", "compliantRules",
        "nonCompliantResources", "critical", "high", "medium", "low", "unrated", "change", "compliancePercent", "errorKind", "error",
    ];

    public static AccountRow Of(AccountStanding standing)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var s = standing.Summary;
        return new AccountRow(
            s.Account.AccountId, s.Account.Name, s.Account.Email, s.Account.OuPath, s.Status, standing.Owner.Owner, standing.Owner.Source,
            s.NonCompliantRules, s.CompliantRules, s.NonCompliantResources, standing.BySeverity, standing.Change,
            CliOutput.PercentNumber(s.CompliancePercent), s.Error);
    }

    public IReadOnlyList<string?> CsvFields()
    {
        var inv = CultureInfo.InvariantCulture;
        return
        [
            AccountId, Name, Email, OuPath, Status.ToString(), Owner, OwnerSource.ToString(), NonCompliantRules.ToString(inv), CompliantRules.ToString(inv),
            NonCompliantResources.ToString(inv), BySeverity.Critical.ToString(inv), BySeverity.High.ToString(inv), BySeverity.Medium.ToString(inv),
            BySeverity.Low.ToString(inv), BySeverity.Unrated.ToString(inv), Change.ToString(inv), CompliancePercent?.ToString(inv), Error?.Kind.ToString(), Error?.Message,
        ];
    }
}
