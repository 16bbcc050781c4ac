namespace ComplianceReport.Aws.Client;

/// <summary>The body of operations without input members: <c>{}</c>.</summary>
public sealed class EmptyRequest
{
    public static EmptyRequest Instance { get; } = new();
}
