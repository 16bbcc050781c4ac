namespace ComplianceReport.Delivery.Jira;

/// <summary>A Jira call that did not succeed; the message is already free of credentials.</summary>
/// <param name="transient">429, 5xx, timeouts and connection failures: worth another try later.</param>
internal sealed class JiraRequestException(string message, bool transient) : Exception(message)
{
    public bool IsTransient { get; } = transient;
}
