namespace ComplianceReport.Reliability.Tests.Crashes;

[CollectionDefinition(Name)]
public sealed class CrashClusterCollection : ICollectionFixture<CrashClusterFixture>
{
    public const string Name = "crash-cluster";
}
