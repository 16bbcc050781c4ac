namespace ComplianceReport.Grains.Tests;

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoProcess>
{
    public const string Name = "demo";
}
