using Orleans.Serialization.Activators;
using Orleans.Serialization.Serializers;

namespace ComplianceReport.DynamoDb.Tests.Support;

/// <summary>Creates fresh state instances the way a silo's activator provider does for plain classes.</summary>
internal sealed class NewActivatorProvider : IActivatorProvider
{
    public IActivator<T> GetActivator<T>() => new Activator<T>();

    private sealed class Activator<T> : IActivator<T>
    {
        public T Create() => System.Activator.CreateInstance<T>();
    }
}
