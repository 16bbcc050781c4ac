namespace ComplianceReport.Reliability.Tests.Delivery;

[CollectionDefinition(Name)]
public sealed class DeliveryFaultCollection : ICollectionFixture<DeliveryFaultFixture>
{
    public const string Name = "delivery-faults";
}
