namespace ComplianceReport.DynamoDb.Options;

/// <summary>Grain state table options, one instance per named storage provider.</summary>
public sealed class DynamoDbStorageOptions : DynamoDbTableOptions
{
    internal override string Section => "DynamoDb:Storage";
}
