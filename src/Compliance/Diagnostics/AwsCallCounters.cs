using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace ComplianceReport.Compliance.Diagnostics;

/// <summary>
/// Counts the AWS requests made on behalf of one scan. The account grain makes a set current for
/// the scan's async flow; the AWS adapter adds to whichever set is current, so each run can record
/// how many calls, retries, throttling answers and timed-out attempts its accounts cost.
/// </summary>
public sealed class AwsCallCounters
{
    private static readonly AsyncLocal<AwsCallCounters?> CurrentCounters = new();
    private long _calls;
    private long _retries;
    private long _throttles;
    private long _timeouts;
    private readonly ConcurrentDictionary<string, OperationCallCounter> _operations = new(StringComparer.Ordinal);

    /// <summary>The counters of the scan this code runs for, if any.</summary>
    public static AwsCallCounters? Current
    {
        get => CurrentCounters.Value;
        set => CurrentCounters.Value = value;
    }

    public long Calls => Interlocked.Read(ref _calls);

    public long Retries => Interlocked.Read(ref _retries);

    public long Throttles => Interlocked.Read(ref _throttles);

    /// <summary>Attempts abandoned because no answer came within the request timeout.</summary>
    public long Timeouts => Interlocked.Read(ref _timeouts);

    /// <summary>One HTTP attempt; every attempt after a call's first is a retry.</summary>
    public void Attempt(bool isRetry)
    {
        if (isRetry)
        {
            Interlocked.Increment(ref _retries);
        }
        else
        {
            Interlocked.Increment(ref _calls);
        }
    }

    /// <summary>The paced calls of each operation, by operation name.</summary>
    public IReadOnlyDictionary<string, OperationCallCounter> Operations => _operations;

    /// <summary>The rate limiter let one request of <paramref name="operation"/> go at <paramref name="rate"/> per second.</summary>
    public void Paced(string operation, double rate) => Operation(operation).Granted(rate);

    /// <summary>AWS answered a paced request of <paramref name="operation"/> without throttling it.</summary>
    public void Answered(string operation) => Operation(operation).Answer();

    /// <summary>AWS throttled a paced request of <paramref name="operation"/>; its bucket's requests went out at <paramref name="throttlePoint"/> per second.</summary>
    public void ThrottledAt(string operation, double throttlePoint) => Operation(operation).Throttle(throttlePoint);

    /// <summary>
    /// Where the last scheduled run found AWS's limit, by operation (requests per second per
    /// account and region): the limiter starts an operation it has no fresh pace for there instead
    /// of at <c>Scan:RequestsPerSecond</c>. Empty for a first run and for on-demand scans.
    /// </summary>
    public IReadOnlyDictionary<string, double> StartRates { get; init; } = ReadOnlyDictionary<string, double>.Empty;

    public void Throttled() => Interlocked.Increment(ref _throttles);

    public void TimedOut() => Interlocked.Increment(ref _timeouts);

    private OperationCallCounter Operation(string operation) => _operations.GetOrAdd(operation, _ => new OperationCallCounter());
}
