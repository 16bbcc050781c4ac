namespace ComplianceReport.DynamoDb.Options;

/// <summary>Reminder table options.</summary>
public sealed class DynamoDbRemindersOptions : DynamoDbTableOptions
{
    internal override string Section => "DynamoDb:Reminders";
}
