namespace ComplianceReport.Aws.Options;

/// <summary>Where Config compliance is read from (<c>Organization:Source</c>).</summary>
public enum ComplianceSource
{
    /// <summary>The read role in every account, assumed from the hub (hub-and-spoke).</summary>
    AssumeRole,

    /// <summary>The organization's Config aggregator, through one role in the aggregator's account.</summary>
    Aggregator,
}
