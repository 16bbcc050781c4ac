using ComplianceReport.AwsSimulator;

namespace ComplianceReport.Reliability.Tests.Faults;

/// <summary>
/// Only transient faults: throttling at half the client's pace, 1% 5xx and 2% latency spikes past
/// the client's request timeout. Nothing need be lost.
/// </summary>
public sealed class OverThrottledOrganizationFixture : FaultyOrganizationFixture
{
    protected override SimulatorOptions Faults() => new()
    {
        Accounts = 20,
        Seed = 13,
        LatencyMs = 20,
        LatencySpikeRate = 0.02,
        LatencySpikeMs = (int)(4 * ClientRequestTimeout.TotalMilliseconds),
        ThrottleRps = ClientRequestsPerSecond / 2.0,
        ThrottleBurst = 1,
        ErrorRate = 0.01,
    };
}
