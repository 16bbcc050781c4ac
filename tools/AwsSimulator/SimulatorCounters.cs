using System.Collections.Concurrent;

namespace ComplianceReport.AwsSimulator;

/// <summary>Request counters the benchmarks print. Thread-safe; read any time.</summary>
public sealed class SimulatorCounters
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _totalRequests;
    private long _throttled;
    private long _errorsInjected;
    private long _malformedInjected;
    private long _spikesInjected;

    public long TotalRequests => Interlocked.Read(ref _totalRequests);

    /// <summary>Requests answered with ThrottlingException / TooManyRequestsException.</summary>
    public long ThrottledResponses => Interlocked.Read(ref _throttled);

    /// <summary>Random 500/503 answers injected by <see cref="SimulatorOptions.ErrorRate"/>.</summary>
    public long ErrorsInjected => Interlocked.Read(ref _errorsInjected);

    public long MalformedResponsesInjected => Interlocked.Read(ref _malformedInjected);

    /// <summary>Calls stalled by <see cref="SimulatorOptions.LatencySpikeRate"/>.</summary>
    public long LatencySpikesInjected => Interlocked.Read(ref _spikesInjected);

    /// <summary>Requests per operation name (e.g. "GetComplianceDetailsByConfigRule"), whatever their outcome.</summary>
    public IReadOnlyDictionary<string, long> RequestsByOperation => new Dictionary<string, long>(_byOperation, StringComparer.Ordinal);

    internal void Request() => Interlocked.Increment(ref _totalRequests);

    internal void Operation(string operation) => _byOperation.AddOrUpdate(operation, 1, (_, n) => n + 1);

    internal void Throttled() => Interlocked.Increment(ref _throttled);

    internal void ErrorInjected() => Interlocked.Increment(ref _errorsInjected);

    internal void MalformedInjected() => Interlocked.Increment(ref _malformedInjected);

    internal void SpikeInjected() => Interlocked.Increment(ref _spikesInjected);
}
