namespace ComplianceReport.DynamoDb;

/// <summary>The three table names derived from <c>Cluster:TablePrefix</c>; deploy creates the same names.</summary>
public sealed record DynamoDbTableNames(string Membership, string GrainState, string Reminders)
{
    public static DynamoDbTableNames For(string tablePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePrefix);
        return new DynamoDbTableNames($"{tablePrefix}-membership", $"{tablePrefix}-grainstate", $"{tablePrefix}-reminders");
    }
}
