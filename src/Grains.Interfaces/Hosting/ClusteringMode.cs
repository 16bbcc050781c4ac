namespace ComplianceReport.Grains.Interfaces.Hosting;

public enum ClusteringMode
{
    Localhost,
    DynamoDB,
}
