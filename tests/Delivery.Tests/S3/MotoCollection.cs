using ComplianceReport.TestSupport;

namespace ComplianceReport.Delivery.Tests.S3;

/// <summary>One moto_server for the S3 tests, which run one after another (one test also sets AWS_* variables).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
