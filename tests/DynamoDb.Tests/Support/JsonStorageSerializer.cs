using System.Text.Json;
using Orleans.Storage;

namespace ComplianceReport.DynamoDb.Tests.Support;

/// <summary>The IGrainStorageSerializer a silo would resolve from DI, for tests without a silo.</summary>
internal sealed class JsonStorageSerializer : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span)!;
}
