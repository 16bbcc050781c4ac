namespace ComplianceReport.DynamoDb.Tests.Storage;

public sealed class TestState
{
    public string Text { get; set; } = string.Empty;

    public List<int> Numbers { get; set; } = [];

    public byte[] Blob { get; set; } = [];
}
