using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Reliability.Tests.Faults;

/// <summary>Only transient faults: throttling at half the client's pace and 1% 5xx. Nothing need be lost.</summary>
public sealed class OverThrottledOrganizationFixture : FaultyOrganizationFixture
{
    protected override SimulatorOptions Faults() => new()
    {
        Accounts = 20,
        Seed = 13,
        LatencyMs = 20,
        ThrottleRps = ClientRequestsPerSecond / 2.0,
        ThrottleBurst = 1,
        ErrorRate = 0.01,
    };
}
