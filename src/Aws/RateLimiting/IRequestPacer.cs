namespace ComplianceReport.Aws.RateLimiting;

/// <summary>
/// The pacing gate of one account and region (or of the organization's management account):
/// every request waits on it, and tells it how AWS answered so the allowed rate can be learnt.
/// </summary>
public interface IRequestPacer
{
    /// <summary>Waits until one more request of <paramref name="operation"/> may go out.</summary>
    ValueTask WaitAsync(string operation, CancellationToken cancellationToken);

    /// <summary>AWS answered a request of <paramref name="operation"/> without throttling it.</summary>
    void Succeeded(string operation);

    /// <summary>AWS throttled a request of <paramref name="operation"/> despite the pacing.</summary>
    void Throttled(string operation);
}
