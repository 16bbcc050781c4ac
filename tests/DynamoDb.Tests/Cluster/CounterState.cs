namespace ComplianceReport.DynamoDb.Tests.Cluster;

[GenerateSerializer]
[Alias("dynamodb-tests.counter-state")]
public sealed class CounterState
{
    [Id(0)]
    public int Count { get; set; }
}
