using ComplianceReport.Compliance.Model;

namespace ComplianceReport.Grains.Interfaces.Accounts;

[GenerateSerializer, Immutable, Alias("ComplianceReport.RegionStatusLine")]
public sealed record RegionStatusLine(
    [property: Id(0)] string Region,
    [property: Id(1)] RegionScanStatus Status,
    [property: Id(2)] ScanError? Error,
    [property: Id(3)] int Rules,
    [property: Id(4)] int NonCompliantResources);
