namespace ComplianceReport.Aws.Tests.Moto;

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoOrganization>
{
    public const string Name = "moto organization";
}
