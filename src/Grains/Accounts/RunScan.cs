using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Accounts;

[GenerateSerializer, Immutable, Alias("ComplianceReport.RunScan")]
public sealed record RunScan([property: Id(0)] string RunId, [property: Id(1)] AccountScan Scan);
