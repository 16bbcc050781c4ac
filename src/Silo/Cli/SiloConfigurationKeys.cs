namespace ComplianceReport.Silo.Cli;

/// <summary>The configuration keys an operator sets, for <c>--help</c> (deploy/README.md has the full story).</summary>
public static class SiloConfigurationKeys
{
    public static readonly IReadOnlyList<(string Key, string Meaning)> All =
    [
        ("Organization:ManagementAccountId", "management account (12 digits), required"),
        ("Organization:Regions:0..n", "regions to read, required"),
        ("Organization:ExcludeAccountIds:0..n", "accounts never scanned"),
        ("Organization:ReadRoleName", "role assumed in each account"),
        ("Scan:RequestsPerSecond, :MaxConcurrentAccounts", "pacing of AWS Config calls"),
        ("Scan:ResultMaxAge", "how long a scan is reused"),
        ("Aws:ServiceUrl, Aws:Region", "STS, Organizations, Config endpoint"),
        ("Report:OutputDirectory", "where workbooks are written"),
        ("Report:S3Bucket, :S3Prefix", "where workbooks are stored"),
        ("Report:Schedule:DayOfWeek, :TimeUtc", "weekly run time (UTC)"),
        ("Jira:BaseUrl, :ProjectKey, :DryRun", "weekly issue (secret: Jira:ApiToken)"),
        ("Cluster:Clustering, :Storage", "Localhost|DynamoDB, Memory|DynamoDB"),
        ("Cluster:TablePrefix, :CreateTables", "DynamoDB tables (the stack makes them)"),
        ("Cluster:SiloPort, :GatewayPort, :DashboardPort", "11111, 30000, 0 (off)"),
        ("ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS", "/health/live, /health/ready"),
        ("OTEL_EXPORTER_OTLP_ENDPOINT, Telemetry:Console", "traces, metrics, logs"),
    ];

    public const string Description = "Runs one ComplianceReport silo. It takes no arguments: it is configured with the keys below.";
}
