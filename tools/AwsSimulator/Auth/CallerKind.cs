namespace ComplianceReport.AwsSimulator.Auth;

internal enum CallerKind
{
    /// <summary>The hub identity given on the command line (long-term key).</summary>
    Hub,

    /// <summary>A session of system-config-report-generator-list-org-role in the management account.</summary>
    ListOrgSession,

    /// <summary>A session of system-config-report-generator-read-role in one account.</summary>
    ReadSession,

    /// <summary>A session of system-config-report-generator-aggregator-read-role in the aggregator's account.</summary>
    AggregatorSession,
}
