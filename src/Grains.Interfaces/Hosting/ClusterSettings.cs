namespace ComplianceReport.Grains.Interfaces.Hosting;

/// <summary>The <c>Cluster</c> section: how silos find each other and where grain state lives.</summary>
public sealed class ClusterSettings
{
    public const string SectionName = "Cluster";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    public StorageMode Storage { get; set; } = StorageMode.Memory;

    public string ClusterId { get; set; } = "compliance-report";

    public string ServiceId { get; set; } = "compliance-report";

    /// <summary>DynamoDB tables are named <c>&lt;TablePrefix&gt;-membership</c>, <c>-grainstate</c>, <c>-reminders</c>.</summary>
    public string TablePrefix { get; set; } = "compliance-report";

    /// <summary>Create missing DynamoDB tables (development); production requires them to exist.</summary>
    public bool CreateTables { get; set; }

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Serve the Orleans Dashboard on this port; 0 (the default) keeps it off.</summary>
    public int DashboardPort { get; set; }

    /// <summary>Validates the section; each message names the key at fault.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Clustering))
        {
            errors.Add("Cluster:Clustering must be Localhost or DynamoDB.");
        }

        if (!Enum.IsDefined(Storage))
        {
            errors.Add("Cluster:Storage must be Memory or DynamoDB.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            errors.Add("Cluster:ClusterId must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            errors.Add("Cluster:ServiceId must not be empty.");
        }

        if ((Clustering == ClusteringMode.DynamoDB || Storage == StorageMode.DynamoDB)
            && (string.IsNullOrWhiteSpace(TablePrefix) || TablePrefix.Length > 200 || !TablePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            errors.Add("Cluster:TablePrefix must be 1-200 characters of letters, digits, '-', '_' or '.'.");
        }

        CheckPort(errors, "Cluster:SiloPort", SiloPort, allowZero: false);
        CheckPort(errors, "Cluster:GatewayPort", GatewayPort, allowZero: false);
        CheckPort(errors, "Cluster:DashboardPort", DashboardPort, allowZero: true);
        if (SiloPort == GatewayPort)
        {
            errors.Add("Cluster:SiloPort and Cluster:GatewayPort must differ.");
        }

        return errors;
    }

    private static void CheckPort(List<string> errors, string key, int port, bool allowZero)
    {
        if (port < (allowZero ? 0 : 1) || port > 65535)
        {
            errors.Add($"{key} must be a TCP port ({(allowZero ? 0 : 1)}-65535), not {port}.");
        }
    }
}
