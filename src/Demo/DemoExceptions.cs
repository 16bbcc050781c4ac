using System.Globalization;

namespace ComplianceReport.Demo;

/// <summary>
/// An accepted-risk file (<c>Report:ExceptionsFile</c>, shaped as <c>deploy/exceptions.example.yaml</c>)
/// for the simulated organization, so the demo's workbook shows excepted findings, one entry about
/// to expire and one expired. Written per run with dates relative to today: a checked-in file would
/// expire and then show nothing.
/// </summary>
public sealed class DemoExceptions : IDisposable
{
    private DemoExceptions(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static DemoExceptions Create(DateOnly today)
    {
        var path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"compliance-demo-exceptions-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.yaml"));
        File.WriteAllText(path, Text(today));
        return new DemoExceptions(path);
    }

    public void Dispose() => File.Delete(Path);

    private static string Text(DateOnly today)
    {
        string Day(int offset) => today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"""
            # The demo's accepted risk: OU paths and rule names of the simulated organization.
            exceptions:
              - id: EX-DEMO-001
                accounts: ["Root/Sandbox"]
                rules: [ec2-instance-detailed-monitoring-enabled, ec2-instance-no-public-ip, ec2-stopped-instance]
                owner: cloud-platform@example.com
                reason: Sandbox accounts are short-lived and isolated from production networks.
                approved: {Day(-30)}
                approvedBy: security-lead@example.com
                expires: {Day(150)}

              - id: EX-DEMO-002
                accounts: ["Root/Workloads/NonProd"]
                rules: [rds-multi-az-support, rds-instance-deletion-protection-enabled]
                owner: data-platform@example.com
                reason: Non-production databases are rebuilt from snapshots; high availability is not needed.
                ticket: SEC-2040
                approved: {Day(-80)}
                approvedBy: ciso@example.com
                expires: {Day(10)}

              - id: EX-DEMO-003
                accounts: ["Root/Security"]
                rules: [vpc-flow-logs-enabled]
                owner: security-tooling@example.com
                reason: Flow logs were to be replaced by the traffic-mirroring pilot, which has ended.
                approved: {Day(-95)}
                approvedBy: ciso@example.com
                expires: {Day(-3)}

            """;
    }
}
