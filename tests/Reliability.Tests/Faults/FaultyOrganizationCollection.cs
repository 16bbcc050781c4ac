namespace ComplianceReport.Reliability.Tests.Faults;

[CollectionDefinition(Name)]
public sealed class FaultyOrganizationCollection : ICollectionFixture<FaultyOrganizationFixture>
{
    public const string Name = "faulty-organization";
}
