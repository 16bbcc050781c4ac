using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ComplianceReport.Aws.Diagnostics;

/// <summary>Spans and metrics of AWS calls, after OpenTelemetry's conventions for AWS SDK calls.</summary>
public static class AwsTelemetry
{
    public const string Name = "ComplianceReport.Aws";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>AWS calls by rpc.service, rpc.method and outcome (ok or the AWS error code).</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("aws.calls", "{call}", "AWS API calls by service, operation and outcome");

    /// <summary>Throttling answers (ThrottlingException, TooManyRequestsException, 429) by service and operation.</summary>
    public static readonly Counter<long> Throttles = Meter.CreateCounter<long>("aws.throttles", "{response}", "Throttling responses from AWS");

    /// <summary>Attempts abandoned after <c>Aws:RequestTimeout</c> without an answer, by service and operation.</summary>
    public static readonly Counter<long> Timeouts = Meter.CreateCounter<long>("aws.timeouts", "{attempt}", "AWS requests that got no answer in time");

    /// <summary>Attempts beyond the first, by service and operation.</summary>
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("aws.retries", "{attempt}", "Retried AWS requests");

    public static bool IsThrottling(string? errorCode) =>
        errorCode is "ThrottlingException" or "Throttling" or "TooManyRequestsException" or "RequestLimitExceeded" or "ThrottledException";
}
