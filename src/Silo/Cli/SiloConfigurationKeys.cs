namespace ComplianceReport.Silo.Cli;

/// <summary>
/// The configuration keys an operator sets, for <c>--help</c> (deploy/README.md has the full story);
/// each meaning fits the 39 columns left beside the longest key at 80 columns, so none wraps.
/// </summary>
public static class SiloConfigurationKeys
{
    public static readonly IReadOnlyList<(string Key, string Meaning)> All =
    [
        ("Organization:ManagementAccountId", "12-digit management account (required)"),
        ("Organization:Regions:0..n", "regions to read, required"),
        ("Organization:ExcludeAccountIds:0..n", "accounts never scanned"),
        ("Organization:ReadRoleName", "role assumed in each account"),
        ("Organization:Source", "AssumeRole or Aggregator"),
        ("Scan:RequestsPerSecond", "first AWS call rate per account-region"),
        ("Scan:MaxRequestsPerSecond", "ceiling of the learnt rate (20)"),
        ("Scan:MaxConcurrentAccounts", "accounts scanned at once"),
        ("Scan:ResultMaxAge", "how long a scan is reused"),
        ("Aws:ServiceUrl", "STS, Organizations and Config endpoint"),
        ("Aws:Region", "the hub's region (else AWS_REGION)"),
        ("Report:OutputDirectory", "where workbooks are written"),
        ("Report:S3Bucket", "where workbooks are stored"),
        ("Report:S3Prefix", "key prefix in the bucket"),
        ("Report:ExceptionsFile", "accepted-risk YAML (path or s3://)"),
        ("Report:Schedule:DayOfWeek", "weekly run day (Monday)"),
        ("Report:Schedule:TimeUtc", "weekly run time (06:00)"),
        ("Jira:BaseUrl", "Jira site; Jira:ApiToken is its secret"),
        ("Jira:ProjectKey", "project of the weekly issue"),
        ("Jira:DryRun", "write the requests to a file instead"),
        ("Cluster:Clustering", "Localhost or DynamoDB"),
        ("Cluster:Storage", "Memory or DynamoDB"),
        ("Cluster:TablePrefix", "prefix of the DynamoDB table names"),
        ("Cluster:CreateTables", "create missing tables (development)"),
        ("Cluster:SiloPort", "silo-to-silo port (11111)"),
        ("Cluster:GatewayPort", "client gateway port (30000)"),
        ("Cluster:DashboardPort", "Orleans dashboard port (0: off)"),
        ("ASPNETCORE_URLS", "health endpoints (/health/live, /ready)"),
        ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTLP collector: traces, metrics, logs"),
        ("Telemetry:Console", "telemetry to the console instead"),
    ];

    public const string Description = "Runs one ComplianceReport silo. It takes no arguments: it is configured with the keys below.";
}
