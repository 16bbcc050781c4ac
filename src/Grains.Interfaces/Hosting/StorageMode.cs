namespace ComplianceReport.Grains.Interfaces.Hosting;

public enum StorageMode
{
    Memory,
    DynamoDB,
}
