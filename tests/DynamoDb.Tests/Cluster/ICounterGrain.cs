namespace ComplianceReport.DynamoDb.Tests.Cluster;

public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    Task<int> Get();

    Task Deactivate();

    /// <summary>Registers the "tick" reminder and says whether the silo can read it back.</summary>
    Task<bool> RegisterReminder();
}
