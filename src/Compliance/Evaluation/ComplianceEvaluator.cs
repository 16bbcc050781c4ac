using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Compliance.Evaluation;

/// <summary>
/// The evaluate stage for one account: pure functions from a fetched scan to its findings, summary
/// and errors. <see cref="ReportEvaluator"/> combines the accounts into the run's figures.
/// </summary>
public static class ComplianceEvaluator
{
    /// <summary>Every NON_COMPLIANT evaluation of the account's scanned regions, as findings.</summary>
    public static IEnumerable<Finding> Findings(AccountScan scan)
    {
        foreach (var region in scan.Regions)
        {
            if (region.Status != RegionScanStatus.Scanned)
            {
                continue;
            }

            foreach (var evaluation in region.NonCompliant)
            {
                yield return new Finding(
                    scan.Account.AccountId,
                    scan.Account.Name,
                    region.Region,
                    evaluation.RuleName,
                    evaluation.ResourceType,
                    evaluation.ResourceId,
                    evaluation.ResourceName,
                    evaluation.Compliance,
                    evaluation.Annotation,
                    evaluation.LastEvaluated,
                    evaluation.Tags);
            }
        }
    }

    public static AccountSummary Summarize(AccountScan scan)
    {
        var compliant = 0;
        var nonCompliant = 0;
        var resources = 0;
        foreach (var region in scan.Regions)
        {
            if (region.Status != RegionScanStatus.Scanned)
            {
                continue;
            }

            foreach (var rule in region.Rules)
            {
                if (rule.Compliance == ComplianceType.Compliant)
                {
                    compliant++;
                }
                else if (rule.Compliance == ComplianceType.NonCompliant)
                {
                    nonCompliant++;
                }
            }

            resources += region.NonCompliant.Count(e => e.Compliance == ComplianceType.NonCompliant);
        }

        var evaluated = compliant + nonCompliant;
        double? percent = evaluated == 0 ? null : (double)compliant / evaluated;
        return new AccountSummary(scan.Account, scan.Status, compliant, nonCompliant, resources, percent, scan.Error);
    }

    /// <summary>
    /// What the Errors sheet lists for this account: the account-level reason, or each region that
    /// failed or has no Config recorder. Nothing is silently dropped.
    /// </summary>
    public static IEnumerable<ErrorEntry> Errors(AccountScan scan)
    {
        if (scan.Error is not null)
        {
            yield return new ErrorEntry(scan.Account.AccountId, scan.Account.Name, null, scan.Error);
            yield break;
        }

        foreach (var region in scan.Regions)
        {
            switch (region.Status)
            {
                case RegionScanStatus.Failed:
                    yield return new ErrorEntry(
                        scan.Account.AccountId,
                        scan.Account.Name,
                        region.Region,
                        region.Error ?? new ScanError(ScanErrorKind.Internal, "Region failed without a reason."));
                    break;
                case RegionScanStatus.ConfigNotEnabled:
                    yield return new ErrorEntry(
                        scan.Account.AccountId,
                        scan.Account.Name,
                        region.Region,
                        region.Error ?? new ScanError(ScanErrorKind.ConfigNotEnabled, "Config not enabled: no configuration recorder in this region."));
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// The account status that follows from its regions' outcomes. A region without a recording
    /// Config recorder has no data to read, so it counts as not read, like a failed one: an account
    /// is Scanned only when every region gave its data, and Failed when none did.
    /// </summary>
    public static AccountScanStatus StatusOf(IReadOnlyList<RegionSnapshot> regions)
    {
        var notRead = regions.Count(r => r.Status is RegionScanStatus.Failed or RegionScanStatus.ConfigNotEnabled);
        if (notRead == 0)
        {
            return AccountScanStatus.Scanned;
        }

        return notRead == regions.Count ? AccountScanStatus.Failed : AccountScanStatus.Partial;
    }

    /// <summary>Non-compliant resources per rule in one account, for the Rules summary.</summary>
    public static IReadOnlyDictionary<string, int> NonCompliantByRule(AccountScan scan)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in Findings(scan))
        {
            // Counted as Summarize counts resources, so the Rules sheet and the totals agree.
            if (finding.Compliance == ComplianceType.NonCompliant)
            {
                counts[finding.RuleName] = counts.GetValueOrDefault(finding.RuleName) + 1;
            }
        }

        return counts;
    }
}
