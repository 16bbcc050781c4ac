namespace ComplianceReport.DynamoDb.Options;

/// <summary>Membership table options, shared by silos (membership) and clients (gateway list).</summary>
public sealed class DynamoDbClusteringOptions : DynamoDbTableOptions
{
    internal override string Section => "DynamoDb:Clustering";
}
